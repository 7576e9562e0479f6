package io.splitscope.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.json.ScorecardJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Scorecards go into the store and come back equal, field for field, also after the store is reopened. */
class ResultsStoreTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AnalysisService service;
    private static Scorecard welch;
    private static Scorecard bayesianByDevice;

    @TempDir
    Path dir;

    @BeforeAll
    static void analyse() {
        service = GoldenWarehouse.service();
        welch = service.analyze(AnalysisRequest.of("exp_autoplay"));
        bayesianByDevice = service.analyze(new AnalysisRequest("exp_price", List.of(), MeanMethod.BAYESIAN, "device"));
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void aScorecardComesBackEqualAfterTheStoreIsReopened() {
        Path file = dir.resolve("splitscope-results.duckdb");
        StoredScorecard stored = new StoredScorecard(AnalysisRequest.of("exp_autoplay"), welch,
                new WarehouseFingerprint("abc"), "analyst", Duration.ofMillis(1234), false);
        try (ResultsStore store = ResultsStore.open(file)) {
            store.save(stored);
        }

        try (ResultsStore store = ResultsStore.open(file)) {
            StoredScorecard back = store.find(AnalysisRequest.of("exp_autoplay")).orElseThrow();
            SameStored.assertSame(back, stored);
            SameStored.assertSame(back.scorecard(), welch);
            assertThat(back.json()).isEqualTo(ScorecardJson.write(welch));
            assertThat(store.file()).contains(file.toAbsolutePath());
        }
    }

    @Test
    void keepsExtrasSegmentsNonFiniteNumbersAndTheQueryLog() {
        StoredScorecard stored = new StoredScorecard(
                new AnalysisRequest("exp_price", List.of(), MeanMethod.BAYESIAN, "device"), bayesianByDevice,
                WarehouseFingerprint.UNKNOWN, "system", Duration.ZERO, false);
        try (ResultsStore store = ResultsStore.inMemory()) {
            store.save(stored);
            Scorecard back = store.find(stored.request()).orElseThrow().scorecard();

            SameStored.assertSame(back, bayesianByDevice);
            assertThat(back.rows()).anySatisfy(row -> assertThat(row.comparison().extras()).isNotEmpty());
            assertThat(back.rows()).allSatisfy(row -> assertThat(row.segment()).isNotNull());
            assertThat(back.queries()).isNotEmpty().isEqualTo(bayesianByDevice.queries());
            assertThat(ScorecardJson.write(back)).isEqualTo(ScorecardJson.write(bayesianByDevice));
        }
        Scorecard nonFinite = new Scorecard(welch.experiment(), welch.population(),
                new io.splitscope.stats.health.SrmResult(Double.POSITIVE_INFINITY, Double.NaN, false, welch.srm().expectedShare()),
                welch.rows(), welch.warehouse(), welch.computedAt(), welch.queries());
        SameStored.assertSame(ScorecardCodec.decode(ScorecardCodec.encode(nonFinite)), nonFinite);
    }

    @Test
    void keepsWhichQueryServedEachMetricAndStillReadsTheFormatBeforeIt() {
        assertThat(welch.metricQueries()).isNotEmpty();
        Scorecard back = ScorecardCodec.decode(ScorecardCodec.encode(welch));
        assertThat(back.metricQueries()).isEqualTo(welch.metricQueries());
        assertThat(back.queryOf("streaming_hours")).isEqualTo(welch.queryOf("streaming_hours")).isPresent();

        // a scorecard stored before the format kept it: everything else, and no metric → query
        ObjectNode previous = (ObjectNode) JSON.readTree(ScorecardCodec.encode(welch));
        previous.put("format", ScorecardCodec.PREVIOUS_FORMAT);
        previous.remove("metric_queries");
        Scorecard old = ScorecardCodec.decode(JSON.writeValueAsString(previous));
        assertThat(old.metricQueries()).isEmpty();
        assertThat(old.queryOf("streaming_hours")).isEmpty();
        SameStored.assertSame(old, new Scorecard(welch.experiment(), welch.population(), welch.srm(), welch.rows(),
                welch.warehouse(), welch.computedAt(), welch.queries()));
        assertThat(ScorecardJson.write(old)).isEqualTo(ScorecardJson.write(welch));

        ObjectNode future = (ObjectNode) JSON.readTree(ScorecardCodec.encode(welch));
        future.put("format", ScorecardCodec.FORMAT + 1);
        assertThatThrownBy(() -> ScorecardCodec.decode(JSON.writeValueAsString(future)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format " + (ScorecardCodec.FORMAT + 1));
    }

    @Test
    void keysByExperimentMethodSegmentAndMetricsAndReplacesOnReRun() {
        try (ResultsStore store = ResultsStore.inMemory()) {
            AnalysisRequest all = AnalysisRequest.of("exp_autoplay");
            AnalysisRequest cuped = new AnalysisRequest("exp_autoplay", List.of(), MeanMethod.CUPED, null);
            AnalysisRequest byCountry = new AnalysisRequest("exp_autoplay", List.of(), MeanMethod.WELCH_T, "country");
            AnalysisRequest oneMetric = new AnalysisRequest("exp_autoplay", List.of("streaming_hours"), MeanMethod.WELCH_T, null);
            store.save(new StoredScorecard(all, welch, WarehouseFingerprint.UNKNOWN, "a", Duration.ZERO, false));

            assertThat(store.find(all)).isPresent();
            assertThat(store.find(cuped)).isEmpty();
            assertThat(store.find(byCountry)).isEmpty();
            assertThat(store.find(oneMetric)).isEmpty();
            assertThat(store.find(AnalysisRequest.of("exp_price"))).isEmpty();

            store.save(new StoredScorecard(all, welch, new WarehouseFingerprint("later"), "b", Duration.ofSeconds(2), false));
            assertThat(store.findAll("exp_autoplay")).singleElement()
                    .satisfies(s -> assertThat(s.computedBy()).isEqualTo("b"))
                    .satisfies(s -> assertThat(s.fingerprint().value()).isEqualTo("later"));
        }
    }

    @Test
    void treatsARowItCannotReadAsAbsent() throws Exception {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            store.save(new StoredScorecard(AnalysisRequest.of("exp_autoplay"), welch, WarehouseFingerprint.UNKNOWN, "a",
                    Duration.ZERO, false));
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("r.duckdb"));
             var statement = connection.createStatement()) {
            statement.execute("UPDATE scorecards SET scorecard = '{\"format\": 99}'");
        }
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.duckdb"))) {
            assertThat(store.find(AnalysisRequest.of("exp_autoplay"))).isEmpty();
        }
    }
}
