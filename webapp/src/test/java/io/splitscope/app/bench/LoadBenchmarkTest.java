package io.splitscope.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.app.bench.LoadBenchmark.Level;
import io.splitscope.app.bench.LoadBenchmark.LoadResult;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The load benchmark's statistics and reports, on made-up levels (the benchmark itself is run by {@code ./splitscope bench}). */
class LoadBenchmarkTest {

    @Test
    void percentilesAreTheNearestRank() {
        long[] hundred = LongStream.rangeClosed(1, 100).toArray();
        // nearest rank: the ceil(q * n)-th smallest value
        assertThat(LoadBenchmark.percentile(hundred, 0.50)).isEqualTo(50);
        assertThat(LoadBenchmark.percentile(hundred, 0.99)).isEqualTo(99);
        assertThat(LoadBenchmark.percentile(hundred, 1.0)).isEqualTo(100);
        assertThat(LoadBenchmark.percentile(new long[] {7}, 0.99)).isEqualTo(7);
        // 10 values: the 99th percentile is the largest, the median the 5th
        long[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1000};
        assertThat(LoadBenchmark.percentile(ten, 0.99)).isEqualTo(1000);
        assertThat(LoadBenchmark.percentile(ten, 0.50)).isEqualTo(5);
    }

    @Test
    void aPercentileOfNothingOrOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> LoadBenchmark.percentile(new long[0], 0.5)).hasMessage("no response times to take a percentile of");
        assertThatThrownBy(() -> LoadBenchmark.percentile(new long[] {1}, 0)).hasMessage("a percentile must be in (0, 1], not 0.0");
        assertThatThrownBy(() -> LoadBenchmark.percentile(new long[] {1}, 1.5)).hasMessage("a percentile must be in (0, 1], not 1.5");
    }

    @Test
    void theTableAndTheJsonShowEveryLevelAndTheRatios() {
        LoadResult result = new LoadResult("/data/members-200000-seed-42", List.of("/api/experiments", "/api/experiments/a/scorecard"),
                10, List.of(
                new Level(false, 1, 100, 0, 10, 90, 120), new Level(false, 20, 280, 0, 10, 700, 1400),
                new Level(false, 50, 280, 2, 10, 1800, 3400), new Level(true, 1, 2000, 0, 10, 4.5, 8),
                new Level(true, 20, 14000, 0, 10, 14, 40), new Level(true, 50, 14000, 0, 10, 35, 100)), 1.5);

        String table = LoadBenchmark.table(result);
        assertThat(table).contains("/api/experiments, /api/experiments/a/scorecard in turn")
                .containsPattern("off\\s+50\\s+280\\s+28\\.0\\s+1800\\.0\\s+3400\\.0\\s+2\\n")
                .containsPattern("on\\s+50\\s+14000\\s+1400\\.0\\s+35\\.0\\s+100\\.0\\s+0\\n")
                // 1400 / 28 = 50; 1800 / 35 = 51.4; 3400 / 100 = 34
                .contains("50 connections: req/s x50.0, p50 /51.4, p99 /34.0");

        Map<String, Object> level = LoadBenchmark.jsonFields(result.levels().get(2));
        assertThat(level).containsEntry("cache", "off").containsEntry("connections", 50).containsEntry("requests_per_second", 28.0)
                .containsEntry("p99_ms", 3400.0).containsEntry("errors", 2L);
        JsonNode json = JsonMapper.builder().build().readTree(ScorecardBenchmark.json(
                new ScorecardBenchmark.Results(List.of(), List.of(), List.of(result)), ScorecardBenchmark.environment()));
        JsonNode load = json.get("load").get(0);
        assertThat(load.get("seconds_per_level").asDouble()).isEqualTo(10);
        assertThat(load.get("levels")).hasSize(6);
        assertThat(load.get("levels").get(5).get("p99_ms").asDouble()).isEqualTo(100);
        assertThat(load.get("levels").get(5).get("cache").asString()).isEqualTo("on");
    }
}
