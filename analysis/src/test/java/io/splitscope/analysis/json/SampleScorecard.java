package io.splitscope.analysis.json;

import io.splitscope.analysis.InputSummary;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import io.splitscope.sql.log.QueryLog;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.Recommendation;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import io.splitscope.stats.health.SrmResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small scorecard built by hand with every case the JSON forms treat apart: a plain row, a
 * segmented row with a method's extras (not in alphabetical order), a row with a status other than
 * OK and values that do not exist, an SRM check of +∞ and NaN, a NaN statistic and a variant of
 * weight 0, at a level other than 95 %, and a decision with a test that could not run. Its rows have the kind of their type and no window, as the
 * rows of the earlier stored formats read back.
 */
public final class SampleScorecard {

    private SampleScorecard() {
    }

    public static Scorecard scorecard() {
        return scorecard(List.of(decision()));
    }

    /** The sample as formats written before decisions give it back: without its decision. */
    public static Scorecard withoutDecisions() {
        return scorecard(List.of());
    }

    private static Scorecard scorecard(List<Decision> decisions) {
        Experiment experiment = new Experiment("exp_sample", "Sample", "It helps", "team-a", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), "control", List.of(new Experiment.VariantWeight("control", 1),
                        new Experiment.VariantWeight("treatment", 0)), null, null, List.of());
        Population population = new Population(ordered("control", 120L, "treatment", 80L), 2, 1);
        SrmResult srm = new SrmResult(Double.POSITIVE_INFINITY, Double.NaN, false, ordered("control", 1.0, "treatment", 0.0));

        ScorecardRow plain = new ScorecardRow("hours", "Streaming hours", MetricType.MEAN, "welch_t", "treatment", null,
                120, 80, 3, ComparisonResult.ok(3.25, 3.5, 0.25, new Interval(-0.125, 0.625), 0.07692307692307693,
                        new Interval(-0.04, 0.2), 0.3), 0.45,
                new InputSummary(ordered("n", 120.0, "sum", 390.0), ordered("n", 80.0, "sum", 280.0)), MetricKind.MEAN, null);
        ScorecardRow bayesian = new ScorecardRow("hours", "Streaming hours", MetricType.MEAN, "bayesian", "treatment",
                "mobile", 60, 40, 0, ComparisonResult.builder().values(3.0, 3.75).absolute(0.75, new Interval(0.1, 1.4))
                        .relative(0.25, new Interval(0.03, 0.47)).pValue(0.02)
                        .extras(ordered("expected_loss", 0.001, "chance_to_beat_control", 0.99)).ok(), 0.06,
                new InputSummary(ordered("n", 60.0, "sum", Double.NaN), ordered("n", 40.0, "sum", 150.0)), MetricKind.MEAN,
                null);
        ScorecardRow zeroBaseline = new ScorecardRow("cancel_rate", null, MetricType.PROPORTION, "welch_t", "treatment",
                null, 120, 80, 0, ComparisonResult.builder().values(0.0, 0.05).absolute(0.05, null)
                        .withStatus(ResultStatus.ZERO_BASELINE, "The control's rate is 0, so there is no relative effect."),
                null, InputSummary.NONE, MetricKind.PROPORTION, null);

        return new Scorecard(experiment, population, srm, List.of(plain, bayesian, zeroBaseline), new ConfidenceLevel(99),
                "sample.duckdb", Instant.parse("2026-04-01T12:00:00.123456789Z"),
                List.of(new QueryLog.Entry("select 1", 1, 8, Duration.ofNanos(1_500_000)),
                        new QueryLog.Entry("select 2", 200, 1600, Duration.ofMillis(42))),
                Map.of("hours", 1, "cancel_rate", 0), decisions);
    }

    /** A decision with a test that ran and one that could not (no interval, a note). */
    private static Decision decision() {
        return new Decision("treatment", Recommendation.KEEP_RUNNING,
                List.of("hours: +7.7 % [-4.0, +20.0], not better at α", "about 3 days left at ~40 units a day"),
                0.05, 0.8, 320L, 3, List.of(
                        new TestResult("hours", TestKind.SUPERIORITY, 0.05, "α", true, 0, 3.25, 0.07692307692307693,
                                new Interval(-0.04, 0.2), -0.04, 0.15, false, null),
                        new TestResult("cancel_rate", TestKind.NON_INFERIORITY, 0.05, "α", true, 0.1, 0.0, null, null,
                                null, null, false, "The control's rate is 0, so there is no relative effect.")));
    }

    private static <V> Map<String, V> ordered(String firstKey, V first, String secondKey, V second) {
        Map<String, V> map = new LinkedHashMap<>();
        map.put(firstKey, first);
        map.put(secondKey, second);
        return map;
    }
}
