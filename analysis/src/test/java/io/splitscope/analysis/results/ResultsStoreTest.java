package io.splitscope.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.json.SampleScorecard;
import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import io.splitscope.stats.ConfidenceLevel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scorecards go into the store and come back equal, field for field, also after the store is reopened. */
class ResultsStoreTest {

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
                welch.rows(), welch.confidence(), welch.warehouse(), welch.computedAt(), welch.queries());
        SameStored.assertSame(ScorecardCodec.decode(ScorecardCodec.encode(nonFinite)), nonFinite);
    }

    @Test
    void keepsWhichQueryServedEachMetric() {
        assertThat(welch.metricQueries()).isNotEmpty();
        Scorecard back = ScorecardCodec.decode(ScorecardCodec.encode(welch));
        assertThat(back.metricQueries()).isEqualTo(welch.metricQueries());
        assertThat(back.queryOf("streaming_hours")).isEqualTo(welch.queryOf("streaming_hours")).isPresent();
    }

    @Test
    void aStoreWrittenBeforeTheConfidenceLevelIsCarriedOverAt95Percent() throws Exception {
        Path file = dir.resolve("before-confidence.duckdb");
        // the layout of the store before the level was part of the key
        writeEarlierStore(file, "CREATE TABLE scorecards (experiment_id VARCHAR NOT NULL, mean_method VARCHAR NOT NULL,"
                + " segment_by VARCHAR NOT NULL, metric_ids VARCHAR NOT NULL, computed_at VARCHAR NOT NULL,"
                + " warehouse VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL, computed_by VARCHAR NOT NULL,"
                + " elapsed_ms BIGINT NOT NULL, scorecard VARCHAR NOT NULL,"
                + " PRIMARY KEY (experiment_id, mean_method, segment_by, metric_ids))",
                "INSERT INTO scorecards VALUES ('exp_sample', 'welch_t', '', '', ?, 'old', 'f1', 'analyst', 7, ?)",
                SampleScorecard.scorecard().computedAt(), EarlierScorecardDocumentTest.formatTwo());

        try (ResultsStore store = ResultsStore.open(file)) {
            StoredScorecard back = store.find(AnalysisRequest.of("exp_sample")).orElseThrow();
            SameStored.assertSame(back.scorecard(), EarlierScorecardDocumentTest.sampleAt95(
                    SampleScorecard.scorecard().metricQueries()));
            assertThat(back.request().confidence()).isEqualTo(ConfidenceLevel.DEFAULT);
            assertThat(back.computedBy()).isEqualTo("analyst");
            assertThat(store.find(AnalysisRequest.of("exp_sample").withConfidence(new ConfidenceLevel(99)))).isEmpty();
        }
        try (ResultsStore reopened = ResultsStore.open(file)) { // carried over once, then simply opened
            assertThat(reopened.findAll("exp_sample")).hasSize(1);
        }
    }

    @Test
    void keysByExperimentMethodSegmentMetricsLevelAndLastDayAndReplacesOnReRun() {
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
            assertThat(store.find(all.withConfidence(new ConfidenceLevel(90)))).isEmpty();
            AnalysisRequest untilMarch = all.withUntil(LocalDate.of(2026, 3, 31));
            assertThat(store.find(untilMarch)).isEmpty();
            store.save(new StoredScorecard(untilMarch, welch, WarehouseFingerprint.UNKNOWN, "c", Duration.ZERO, false));
            assertThat(store.find(untilMarch)).hasValueSatisfying(s -> assertThat(s.request().until()).isEqualTo(LocalDate.of(2026, 3, 31)));
            assertThat(store.find(all)).hasValueSatisfying(s -> assertThat(s.computedBy()).isEqualTo("a"));

            store.save(new StoredScorecard(all, welch, new WarehouseFingerprint("later"), "b", Duration.ofSeconds(2), false));
            assertThat(store.findAll("exp_autoplay")).hasSize(2).filteredOn(s -> s.request().until() == null).singleElement()
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

    @Test
    void keepsTheLastRunsOfARequestAndAsManyFailedOnes() throws Exception {
        AnalysisRequest all = AnalysisRequest.of("exp_autoplay");
        AnalysisRequest cuped = all.withMeanMethod(MeanMethod.CUPED);
        try (ResultsStore store = ResultsStore.open(dir.resolve("kept.duckdb"), 3)) {
            store.save(new StoredScorecard(cuped, welch, WarehouseFingerprint.UNKNOWN, "other", Duration.ZERO, false));
            for (int run = 1; run <= 5; run++) {
                store.save(new StoredScorecard(all, welch, WarehouseFingerprint.UNKNOWN, "run " + run, Duration.ZERO, false));
                store.saveFailure(new FailedRun(all, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(run), "a", "failure " + run));
            }

            assertThat(store.find(all)).get().extracting(StoredScorecard::computedBy).isEqualTo("run 5");
            assertThat(store.findAll("exp_autoplay")).extracting(StoredScorecard::computedBy).containsExactly("run 5", "other");
        }
        assertThat(kept(dir.resolve("kept.duckdb"), "computed_by", "scorecards")).isEqualTo("other,run 3,run 4,run 5");
        assertThat(kept(dir.resolve("kept.duckdb"), "message", "failed_runs")).isEqualTo("failure 3,failure 4,failure 5");
    }

    @Test
    void aFailedRunIsKeptBesideTheStoredScorecardAndNeverReplacesIt() {
        AnalysisRequest all = AnalysisRequest.of("exp_autoplay");
        Instant failedAt = Instant.parse("2026-12-05T08:00:00Z");
        try (ResultsStore store = ResultsStore.open(dir.resolve("failed.duckdb"))) {
            store.save(new StoredScorecard(all, welch, new WarehouseFingerprint("f1"), "alice", Duration.ZERO, false));
            store.saveFailure(new FailedRun(all, failedAt, "bob", "R stopped while analysing"));
        }
        try (ResultsStore store = ResultsStore.open(dir.resolve("failed.duckdb"))) {
            assertThat(store.find(all)).get().extracting(StoredScorecard::computedBy).isEqualTo("alice");
            assertThat(store.lastFailure(all)).contains(new FailedRun(all, failedAt, "bob", "R stopped while analysing"));
            assertThat(store.lastFailure(all.withMeanMethod(MeanMethod.CUPED))).isEmpty();

            store.save(new StoredScorecard(all, welch, new WarehouseFingerprint("f1"), "carol", Duration.ZERO, false));
            assertThat(store.lastFailure(all)).as("a later success supersedes the failure").isEmpty();
        }
    }

    @Test
    void keepsEveryEditOfADecisionPlanWithWhoAndWhenAndGivesTheLatest() throws Exception {
        Path file = dir.resolve("plans.duckdb");
        DecisionPlan first = new DecisionPlan(List.of("streaming_hours"), Map.of(), 0.05, 0.8, Design.FIXED);
        DecisionPlan second = new DecisionPlan(List.of("streaming_hours"), Map.of("cancel_rate", Margin.parse("+10%")), 0.05,
                0.8, Design.FIXED);
        Instant morning = Instant.parse("2026-12-06T08:00:00Z");
        try (ResultsStore store = ResultsStore.open(file)) {
            store.savePlanEdit(new PlanEdit("exp_autoplay", first, "alice", morning));
            store.savePlanEdit(new PlanEdit("exp_price", first, "bob", morning.plusSeconds(30)));
            store.savePlanEdit(new PlanEdit("exp_autoplay", second, "carol", morning.plusSeconds(60)));
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(store.planEdits("exp_autoplay")).containsExactly(
                    new PlanEdit("exp_autoplay", second, "carol", morning.plusSeconds(60)),
                    new PlanEdit("exp_autoplay", first, "alice", morning));
            assertThat(store.latestPlanEdits()).containsOnlyKeys("exp_autoplay", "exp_price");
            assertThat(store.latestPlanEdits().get("exp_autoplay").editedBy()).isEqualTo("carol");
            assertThat(store.planEdits("exp_other")).isEmpty();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO plan_edits (experiment_id, edited_at, edited_by, plan)"
                    + " VALUES ('exp_price', '2026-12-06T09:00:00Z', 'dave', '{\"success\": []}')");
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(store.latestPlanEdits().get("exp_price").editedBy())
                    .as("a row this version cannot read is absent: the edit before it holds").isEqualTo("bob");
        }
    }

    @Test
    void keepsTheTeamsRecordOfEachExperimentAcrossReopening() throws Exception {
        Path file = dir.resolve("records.duckdb");
        Instant morning = Instant.parse("2026-12-06T08:00:00Z");
        Conclusion noShip = new Conclusion(io.splitscope.stats.decision.Recommendation.NO_SHIP, null, "Nothing moved.");
        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(store.records()).isEmpty();
            store.saveRecordEntry(RecordEntry.note("exp_price", "Looks flat so far", "alice", morning));
            store.saveRecordEntry(RecordEntry.conclusion("exp_price", noShip, "bob", morning.plusSeconds(60)));
            store.saveRecordEntry(RecordEntry.status("exp_price", RecordStatus.DECIDED, "bob", morning.plusSeconds(61)));
            store.saveRecordEntry(RecordEntry.tags("exp_autoplay", List.of("ui", "home page"), "alice", morning));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO experiment_records (experiment_id, written_at, written_by, kind, entry_value)"
                    + " VALUES ('exp_price', '2026-12-06T09:00:00Z', 'dave', 'tags', '[\"<bad>\"]')");
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            Map<String, ExperimentRecord> records = store.records();
            assertThat(records).containsOnlyKeys("exp_price", "exp_autoplay");
            ExperimentRecord price = records.get("exp_price");
            assertThat(price.teamStatus()).contains(new Signed<>(RecordStatus.DECIDED, "bob", morning.plusSeconds(61)));
            assertThat(price.teamConclusion()).contains(new Signed<>(noShip, "bob", morning.plusSeconds(60)));
            assertThat(price.notes()).containsExactly(new Signed<>("Looks flat so far", "alice", morning));
            assertThat(price.tags()).as("a row this version cannot read is skipped").isEmpty();
            assertThat(records.get("exp_autoplay").tags()).containsExactly("ui", "home page");
        }
    }

    @Test
    void aStoreWithOneRowPerRequestIsCarriedOverWithItsLevels() throws Exception {
        Path file = dir.resolve("one-row-per-request.duckdb");
        // the layout of the store before it kept several runs of a request
        writeEarlierStore(file, "CREATE TABLE scorecards (experiment_id VARCHAR NOT NULL, mean_method VARCHAR NOT NULL,"
                + " segment_by VARCHAR NOT NULL, metric_ids VARCHAR NOT NULL, confidence_level DOUBLE NOT NULL,"
                + " computed_at VARCHAR NOT NULL, warehouse VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL,"
                + " computed_by VARCHAR NOT NULL, elapsed_ms BIGINT NOT NULL, scorecard VARCHAR NOT NULL,"
                + " PRIMARY KEY (experiment_id, mean_method, segment_by, metric_ids, confidence_level))",
                "INSERT INTO scorecards VALUES ('exp_autoplay', 'welch_t', '', '', 99, ?, 'old', 'f1', 'analyst', 7, ?)",
                welch.computedAt(), ScorecardCodec.encode(welch));

        try (ResultsStore store = ResultsStore.open(file)) {
            AnalysisRequest at99 = AnalysisRequest.of("exp_autoplay").withConfidence(new ConfidenceLevel(99));
            assertThat(store.find(at99)).get().extracting(StoredScorecard::computedBy).isEqualTo("analyst");
            store.save(new StoredScorecard(at99, welch, WarehouseFingerprint.UNKNOWN, "again", Duration.ZERO, false));
        }
        assertThat(kept(file, "computed_by", "scorecards")).isEqualTo("analyst,again");
    }

    /** The values of {@code column} in {@code table} of the store {@code file}, oldest run first, joined by commas. */
    private static String kept(Path file, String column, String table) throws java.sql.SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             var rows = connection.createStatement().executeQuery("SELECT string_agg(" + column + ", ',' ORDER BY run) FROM " + table)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    /** A store as an earlier version wrote it: its table, and one row whose computed_at and scorecard are set. */
    private static void writeEarlierStore(Path file, String createTable, String insertRow, Instant computedAt, String scorecard)
            throws java.sql.SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute(createTable);
            try (PreparedStatement insert = connection.prepareStatement(insertRow)) {
                insert.setString(1, computedAt.toString());
                insert.setString(2, scorecard);
                insert.executeUpdate();
            }
        }
    }

    @Test
    void refusesToKeepNoRuns() {
        assertThatThrownBy(() -> ResultsStore.inMemory(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the results store must keep at least 1 run of each request, not 0");
    }
}
