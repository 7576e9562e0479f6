package io.splitscope.app.results;

import io.splitscope.analysis.results.WarehouseFingerprint;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values that only change with the warehouse (its experiments, the decoded stored scorecards),
 * kept while the warehouse's {@link WarehouseFingerprint} stays the same: a read under another
 * fingerprint drops every value kept under the old one, so a changed warehouse is seen at once.
 * At most {@code capacity} values are kept (one, not necessarily the oldest, makes room for a
 * new one); capacity 0 keeps nothing. A load that finds nothing (null) keeps nothing either. Thread-safe: a value is loaded once per key, and a
 * {@link #put} after a write waits for a load of the same key under way, so that it wins.
 *
 * <p>A warehouse without a fingerprint (a database server) may change unseen: its values are
 * kept only when {@code keptWithoutFingerprint} says they cannot change that way.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class WarehouseCache<K, V> {

    /**
     * The setting that switches the app's caches off ({@code splitscope.cache=off}; on by default).
     * Only the load benchmark sets it, to measure the app as it was before it had them.
     */
    public static final String SWITCH = "splitscope.cache";

    /**
     * Whether the caches are on, by the value of {@value #SWITCH}: {@code on} (or unset) or {@code off}.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static boolean on(String setting) {
        String value = setting == null ? "on" : setting.strip();
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalArgumentException(SWITCH + " must be on or off, not '" + setting + "'");
        }
        return value.equals("on");
    }

    private record Generation<K, V>(WarehouseFingerprint fingerprint, Map<K, V> values) {
    }

    private final int capacity;
    private final boolean keptWithoutFingerprint;
    private volatile Generation<K, V> generation = new Generation<>(WarehouseFingerprint.UNKNOWN, new ConcurrentHashMap<>());

    /**
     * @param capacity               how many values at most (0: none)
     * @param keptWithoutFingerprint whether values are kept for a warehouse without a fingerprint
     */
    public WarehouseCache(int capacity, boolean keptWithoutFingerprint) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a cache's capacity must be 0 or more, not " + capacity);
        }
        this.capacity = capacity;
        this.keptWithoutFingerprint = keptWithoutFingerprint;
    }

    /**
     * The value of {@code key} for the warehouse as {@code current} describes it: kept, or loaded
     * now (and kept); null when {@code load} finds none.
     */
    public V get(WarehouseFingerprint current, K key, Function<? super K, ? extends V> load) {
        Objects.requireNonNull(key, "key");
        if (!keeps(current)) {
            return load.apply(key);
        }
        Map<K, V> values = values(current);
        V kept = values.get(key);
        if (kept != null) {
            return kept;
        }
        V loaded = values.computeIfAbsent(key, load);
        trim(values, key);
        return loaded;
    }

    /** Keeps {@code value} as {@code key}'s, as just written for the warehouse as {@code current} describes it. */
    public void put(WarehouseFingerprint current, K key, V value) {
        Objects.requireNonNull(value, "value");
        if (keeps(current)) {
            Map<K, V> values = values(current);
            values.put(key, value);
            trim(values, key);
        }
    }

    private boolean keeps(WarehouseFingerprint current) {
        return capacity > 0 && (keptWithoutFingerprint || !current.unknown());
    }

    /** The values kept under {@code current}; a new, empty generation when the fingerprint has changed. */
    private Map<K, V> values(WarehouseFingerprint current) {
        Generation<K, V> now = generation;
        if (!now.fingerprint().equals(current)) {
            synchronized (this) {
                now = generation;
                if (!now.fingerprint().equals(current)) {
                    now = new Generation<>(current, new ConcurrentHashMap<>());
                    generation = now;
                }
            }
        }
        return now.values();
    }

    private void trim(Map<K, V> values, K added) {
        Iterator<K> keys = values.keySet().iterator();
        while (values.size() > capacity && keys.hasNext()) {
            K key = keys.next();
            if (!key.equals(added)) {
                keys.remove();
            }
        }
    }
}
