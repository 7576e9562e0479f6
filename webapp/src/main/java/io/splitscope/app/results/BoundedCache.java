package io.splitscope.app.results;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values read from the results store, kept until this process writes new ones (only it writes
 * the store): at most {@code capacity} values (one, not necessarily the oldest, makes room for a
 * new one); capacity 0 keeps nothing. A load that finds nothing (null) keeps nothing either.
 * Thread-safe: a value is loaded once per key, and a {@link #put} after a write waits for a load
 * of the same key under way, so that it wins.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class BoundedCache<K, V> {

    private final int capacity;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    /** @param capacity how many values at most (0: none) */
    BoundedCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a cache's capacity must be 0 or more, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** The value of {@code key}: kept, or loaded now (and kept); null when {@code load} finds none. */
    V get(K key, Function<? super K, ? extends V> load) {
        Objects.requireNonNull(key, "key");
        if (capacity == 0) {
            return load.apply(key);
        }
        V kept = values.get(key);
        if (kept != null) {
            return kept;
        }
        V loaded = values.computeIfAbsent(key, load);
        trim(key);
        return loaded;
    }

    /** Keeps {@code value} as {@code key}'s, as just written. */
    void put(K key, V value) {
        Objects.requireNonNull(value, "value");
        if (capacity > 0) {
            values.put(key, value);
            trim(key);
        }
    }

    private void trim(K added) {
        Iterator<K> keys = values.keySet().iterator();
        while (values.size() > capacity && keys.hasNext()) {
            K key = keys.next();
            if (!key.equals(added)) {
                keys.remove();
            }
        }
    }
}
