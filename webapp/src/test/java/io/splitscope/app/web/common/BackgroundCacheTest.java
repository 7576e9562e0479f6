package io.splitscope.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.app.results.AnalysisJobs;
import io.splitscope.analysis.results.ResultsStore;
import io.splitscope.analysis.results.WarehouseFingerprint;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The views' background cache, with real analyses of the golden warehouse making values stale. */
class BackgroundCacheTest {

    private static AnalysisService service;
    private ResultsStore store;
    private AnalysisJobs jobs;
    private BackgroundCache<String, Integer> cache;
    private final AtomicInteger computed = new AtomicInteger();

    @BeforeAll
    static void open() {
        service = GoldenWarehouse.service();
    }

    @AfterAll
    static void closeService() {
        service.close();
    }

    @BeforeEach
    void start() {
        store = ResultsStore.inMemory();
        jobs = new AnalysisJobs(service, store, () -> new WarehouseFingerprint("v1"), 1);
        // keys are "experiment/what"; odd values stand for a computation that could not be completed
        cache = new BackgroundCache<>("test-cache", key -> key.substring(0, key.indexOf('/')), value -> value % 2 == 0, jobs);
    }

    @AfterEach
    void stop() {
        cache.close();
        jobs.close();
        store.close();
    }

    private int next() {
        return computed.incrementAndGet() * 2;
    }

    @Test
    void computesAKeyOnceAndSharesItsValue() {
        int first = cache.get("exp_autoplay/series", this::next).join();

        assertThat(cache.get("exp_autoplay/series", this::next).join()).isEqualTo(first).isEqualTo(2);
        assertThat(cache.known("exp_autoplay/series")).contains(2);
        assertThat(computed).hasValue(1);
    }

    @Test
    void keepsNeitherFailuresNorRejectedValues() {
        assertThatThrownBy(() -> cache.get("exp_autoplay/r", () -> {
            throw new IllegalStateException("R is not installed");
        }).join()).isInstanceOf(CompletionException.class).hasMessageContaining("R is not installed");
        assertThat(cache.get("exp_autoplay/r", () -> 3).join()).isEqualTo(3);

        assertThat(cache.known("exp_autoplay/r")).isEmpty();
        assertThat(cache.get("exp_autoplay/r", this::next).join()).isEqualTo(2);
    }

    @Test
    void dropsTheValuesOfAnExperimentWhenAnAnalysisOfItSucceeds() {
        cache.get("exp_autoplay/health", this::next).join();
        cache.get("exp_other/health", this::next).join();

        jobs.await(jobs.ensure(AnalysisRequest.of("exp_autoplay")).id());

        assertThat(cache.known("exp_autoplay/health")).isEmpty();
        assertThat(cache.known("exp_other/health")).contains(4);
        assertThat(cache.get("exp_autoplay/health", this::next).join()).isEqualTo(6);
    }
}
