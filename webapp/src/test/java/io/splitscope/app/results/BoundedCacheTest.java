package io.splitscope.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the cache keeps and how many values; every load is recorded. */
class BoundedCacheTest {

    private final List<String> loads = new ArrayList<>();
    private final Function<String, String> load = key -> {
        synchronized (loads) {
            loads.add(key);
            return key + "#" + loads.size();
        }
    };

    @Test
    void aValueIsLoadedOnce() {
        BoundedCache<String, String> cache = new BoundedCache<>(10);

        assertThat(cache.get("a", load)).isEqualTo("a#1");
        assertThat(cache.get("a", load)).isEqualTo("a#1");
        assertThat(cache.get("b", load)).isEqualTo("b#2");
        assertThat(loads).containsExactly("a", "b");
    }

    @Test
    void aPutReplacesTheValue() {
        BoundedCache<String, String> cache = new BoundedCache<>(10);
        cache.get("a", load);

        cache.put("a", "written");

        assertThat(cache.get("a", load)).isEqualTo("written");
        assertThat(loads).containsExactly("a");
    }

    @Test
    void itKeepsAtMostItsCapacity() {
        BoundedCache<String, String> cache = new BoundedCache<>(1);
        cache.get("a", load);
        cache.get("b", load); // makes room: a goes
        cache.get("b", load);
        cache.put("c", "written"); // b goes
        cache.get("a", load);

        assertThat(loads).containsExactly("a", "b", "a");
    }

    @Test
    void aLoadThatFindsNothingKeepsNothing() {
        BoundedCache<String, String> cache = new BoundedCache<>(10);

        assertThat(cache.get("a", key -> null)).isNull();

        assertThat(cache.get("a", load)).isEqualTo("a#1");
    }

    @Test
    void capacityZeroKeepsNothing() {
        BoundedCache<String, String> cache = new BoundedCache<>(0);
        cache.get("a", load);
        cache.put("a", "written");

        assertThat(cache.get("a", load)).isEqualTo("a#2");
    }

    @Test
    void concurrentReadersOfOneKeyShareOneLoad() throws Exception {
        BoundedCache<String, String> cache = new BoundedCache<>(10);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    return cache.get("a", load);
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
    void aNegativeCapacityIsRefusedInOneLine() {
        assertThatThrownBy(() -> new BoundedCache<String, String>(-1)).hasMessage("a cache's capacity must be 0 or more, not -1");
    }
}
