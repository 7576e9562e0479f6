package io.splitscope.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.results.WarehouseFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the cache keeps, for how long, and how many values; every load is recorded. */
class WarehouseCacheTest {

    private static final WarehouseFingerprint V1 = new WarehouseFingerprint("v1");
    private static final WarehouseFingerprint V2 = new WarehouseFingerprint("v2");

    private final List<String> loads = new ArrayList<>();
    private final Function<String, String> load = key -> {
        synchronized (loads) {
            loads.add(key);
            return key + "#" + loads.size();
        }
    };

    @Test
    void aValueIsLoadedOnceWhileTheFingerprintStaysTheSame() {
        WarehouseCache<String, String> cache = new WarehouseCache<>(10, false);

        assertThat(cache.get(V1, "a", load)).isEqualTo("a#1");
        assertThat(cache.get(V1, "a", load)).isEqualTo("a#1");
        assertThat(cache.get(V1, "b", load)).isEqualTo("b#2");
        assertThat(loads).containsExactly("a", "b");
    }

    @Test
    void anotherFingerprintDropsEveryValue() {
        WarehouseCache<String, String> cache = new WarehouseCache<>(10, false);
        cache.get(V1, "a", load);
        cache.get(V1, "b", load);

        assertThat(cache.get(V2, "a", load)).isEqualTo("a#3");
        assertThat(cache.get(V2, "a", load)).isEqualTo("a#3");
        assertThat(cache.get(V1, "b", load)).isEqualTo("b#4"); // back again: nothing of v1 was kept
    }

    @Test
    void aPutReplacesTheValue() {
        WarehouseCache<String, String> cache = new WarehouseCache<>(10, false);
        cache.get(V1, "a", load);

        cache.put(V1, "a", "written");

        assertThat(cache.get(V1, "a", load)).isEqualTo("written");
        assertThat(loads).containsExactly("a");
    }

    @Test
    void itKeepsAtMostItsCapacity() {
        WarehouseCache<String, String> cache = new WarehouseCache<>(1, false);
        cache.get(V1, "a", load);
        cache.get(V1, "b", load); // makes room: a goes
        cache.get(V1, "b", load);
        cache.put(V1, "c", "written"); // b goes
        cache.get(V1, "a", load);

        assertThat(loads).containsExactly("a", "b", "a");
    }

    @Test
    void aLoadThatFindsNothingKeepsNothing() {
        WarehouseCache<String, String> cache = new WarehouseCache<>(10, true);

        assertThat(cache.get(V1, "a", key -> null)).isNull();

        assertThat(cache.get(V1, "a", load)).isEqualTo("a#1");
    }

    @Test
    void capacityZeroKeepsNothing() {
        WarehouseCache<String, String> cache = new WarehouseCache<>(0, true);
        cache.get(V1, "a", load);
        cache.put(V1, "a", "written");

        assertThat(cache.get(V1, "a", load)).isEqualTo("a#2");
    }

    @Test
    void withoutAFingerprintValuesAreKeptOnlyWhenTheyCannotChangeUnseen() {
        WarehouseCache<String, String> rows = new WarehouseCache<>(10, false);
        WarehouseCache<String, String> stored = new WarehouseCache<>(10, true);

        rows.get(WarehouseFingerprint.UNKNOWN, "a", load);
        assertThat(rows.get(WarehouseFingerprint.UNKNOWN, "a", load)).isEqualTo("a#2");
        stored.get(WarehouseFingerprint.UNKNOWN, "s", load);
        assertThat(stored.get(WarehouseFingerprint.UNKNOWN, "s", load)).isEqualTo("s#3");
    }

    @Test
    void concurrentReadersOfOneKeyShareOneLoad() throws Exception {
        WarehouseCache<String, String> cache = new WarehouseCache<>(10, false);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    return cache.get(V1, "a", load);
                }));
            }
            start.countDown();
            for (Future<String> read : reads) {
                assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("a#1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).containsExactly("a");
    }

    @Test
    void badSettingsAreRefusedInOneLine() {
        assertThatThrownBy(() -> new WarehouseCache<String, String>(-1, false))
                .hasMessage("a cache's capacity must be 0 or more, not -1");
        assertThatThrownBy(() -> WarehouseCache.on("yes")).hasMessage("splitscope.cache must be on or off, not 'yes'");
        assertThat(WarehouseCache.on(null)).isTrue();
        assertThat(WarehouseCache.on(" on ")).isTrue();
        assertThat(WarehouseCache.on("off")).isFalse();
    }
}
