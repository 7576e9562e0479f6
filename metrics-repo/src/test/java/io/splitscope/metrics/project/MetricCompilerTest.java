package io.splitscope.metrics.project;

import static io.splitscope.metrics.project.TestProjects.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.Cap;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.UnitFilter;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metric types of {@code spec/metric-types.md} in a project file: each compiles to the metric
 * the Java builder gives, and each mistake is one line naming the file, the line and the key. The
 * metric under test is {@code m}, declared on line {@value #LINE} of {@link TestProjects#VALID}
 * (with a second dimension, {@code plan}); its keys follow from line {@value #LINE} + 1.
 */
class MetricCompilerTest {

    /** The line of {@code m:}. */
    private static final int LINE = 53;

    @TempDir
    Path folder;

    /** {@link TestProjects#VALID} with dimension {@code plan} and metric {@code m} of {@code keys} (one a line). */
    private static String withMetric(String... keys) {
        return valid(52, "  m:\n" + String.join("\n", Arrays.stream(keys).map(key -> "    " + key).toList()) + "\n",
                21, "  country: {source: users, column: country}\n  plan: {source: users, column: plan}");
    }

    private CompiledProject read(String yaml) {
        return ProjectFile.read(TestProjects.write(folder, yaml), Map.of("DATA", "data")::get, List.of());
    }

    private List<String> errors(String... keys) {
        return read(withMetric(keys)).errors().stream().map(ConfigError::toString).toList();
    }

    private Metric compiled(String... keys) {
        CompiledProject compiled = read(withMetric(keys));
        assertThat(compiled.errors()).isEmpty();
        return compiled.orThrow().metrics().byId("m");
    }

    /** The error on line {@code LINE + keyLine} (1 for the metric's first key) at {@code metrics.m.<key>}. */
    private static String error(int keyLine, String key, String message) {
        return "splitscope.yaml:" + (LINE + keyLine) + ": metrics.m." + key + ": " + message;
    }

    private Source orders() {
        return read(withMetric("source: orders", "type: proportion", "window: 1d")).orThrow().sources().stream()
                .filter(s -> s.id().equals("orders")).findFirst().orElseThrow();
    }

    private static Condition condition(String sql) {
        return SqlExpressions.condition(sql).part();
    }

    private static Field<?> field(String sql) {
        return SqlExpressions.field(sql).part();
    }

    /** The builder's metric {@code m} over orders, with the compiled one's description. */
    private Metric.Builder builder(Metric compiled) {
        return Metric.define("m").title("m").description(compiled.description()).from(orders()).higherIsBetter();
    }

    // each type, as the Java builder gives it

    @Test
    void retentionIsAShareOfUnitsWithARowInADelayedWindow() {
        Metric metric = compiled("source: orders", "type: retention", "start: 7d", "end: 8d", "filter: status = 'paid'");
        assertThat(metric).isEqualTo(builder(metric).where(condition("status = 'paid'"))
                .retention(Duration.ofDays(7), Duration.ofDays(8)).build());
        assertThat(metric.kind()).isEqualTo(MetricKind.RETENTION);
        assertThat(metric.window()).isEqualTo(Window.between(Duration.ofDays(7), Duration.ofDays(8)));
        assertThat(metric.description()).isEqualTo(
                "Share of units with an orders row where status = 'paid' 7 to 8 days after first exposure.");
        assertThat(compiled("source: orders", "type: retention", "start: 36 hours", "end: 2 days").description())
                .isEqualTo("Share of units with an orders row 36 to 48 hours after first exposure.");
        assertThat(compiled("source: orders", "type: retention", "start: 0d", "end: 1 day").window()).isEqualTo(Window.days(1));
    }

    @Test
    void conversionCountsRowsWithinADurationOfExposure() {
        Metric metric = compiled("source: orders", "type: conversion", "within: 24h");
        assertThat(metric).isEqualTo(builder(metric).conversionWithin(Duration.ofHours(24)).build());
        assertThat(metric.window()).isEqualTo(Window.hours(24));
        assertThat(compiled("source: orders", "type: conversion", "within: 36 hours").description())
                .isEqualTo("Share of units with an orders row within 36 hours of first exposure.");
        assertThat(metric.description()).isEqualTo("Share of units with an orders row within 1 day of first exposure.");
    }

    @Test
    void aFunnelsStepsAreFiltersNamedByTheirTextOrByName() {
        Metric metric = compiled("source: orders", "type: funnel", "window: 14d", "filter: amount > 0", "steps:",
                "  - status = 'paid'", "  - {name: refund, filter: \"status = 'refunded'\"}");
        assertThat(metric).isEqualTo(builder(metric).where(condition("amount > 0"))
                .funnel(Measure.Funnel.Step.of("status = 'paid'", condition("status = 'paid'")),
                        Measure.Funnel.Step.of("refund", condition("status = 'refunded'")))
                .window(Window.days(14)).build());
        assertThat(metric.scorecardMetrics()).extracting(Metric::id).containsExactly("m.step1", "m.step2", "m.step2_of_1");
        assertThat(metric.description()).isEqualTo("Units that go through status = 'paid', then refund, in order, over "
                + "orders rows where amount > 0, in the 14 days after first exposure: each step's share of all eligible "
                + "units, and each step's share of the step before.");
    }

    @Test
    void countDistinctIsExactOrApproximate() {
        Metric exact = compiled("source: orders", "type: count_distinct", "value: status", "window: 14d");
        assertThat(exact).isEqualTo(builder(exact).countDistinct(field("status")).window(Window.days(14)).build());
        assertThat(exact.description()).isEqualTo(
                "Number of distinct status per unit over orders rows, in the 14 days after first exposure.");
        Metric approximate = compiled("source: orders", "type: count_distinct", "value: status", "approximate: true",
                "window: 14d", "cap: {value: 3}");
        assertThat(approximate).isEqualTo(builder(approximate).countDistinctApproximately(field("status"))
                .window(Window.days(14)).capped(Cap.above(3)).build());
        assertThat(approximate.description()).endsWith(
                " Per-unit values are capped at 3. Estimated with the engine's HyperLogLog where it has one.");
    }

    @Test
    void activeDaysCountDatesOrTheirShareOfTheWindow() {
        Metric days = compiled("source: orders", "type: active_days", "window: 7d");
        assertThat(days).isEqualTo(builder(days).activeDays().window(Window.days(7)).build());
        assertThat(days.description()).isEqualTo("Number of UTC dates with an orders row per unit, in the 7 days after "
                + "first exposure.");
        Metric share = compiled("source: orders", "type: active_days", "per_eligible_day: true", "window: 7d",
                "eligibility: all");
        assertThat(share).isEqualTo(builder(share).activeDayShare().window(Window.days(7)).eligibility(Eligibility.ALL).build());
        assertThat(share.description()).isEqualTo("Share of the UTC dates of the window with an orders row per unit, in "
                + "the 7 days after first exposure. Every exposed unit counts; days of its window not yet reached count as nothing.");
    }

    @Test
    void aThresholdIsTheShareOfUnitsWhoseAggregateReachesIt() {
        Metric metric = compiled("source: orders", "type: threshold", "value: amount", "at_least: 50", "window: 14d");
        assertThat(metric).isEqualTo(builder(metric)
                .threshold(UnitValue.sum(field("amount").coerce(SQLDataType.DOUBLE)), 50).window(Window.days(14)).build());
        assertThat(metric.measure()).isEqualTo(new Measure.Proportion(
                UnitValue.atLeast(UnitValue.sum(field("amount").coerce(SQLDataType.DOUBLE)), 50)));
        assertThat(metric.description()).isEqualTo(
                "Share of units whose Σ amount over orders rows, in the 14 days after first exposure, is at least 50.");
        assertThat(compiled("source: orders", "type: threshold", "aggregate: count", "at_least: 2", "window: 14d").measure())
                .isEqualTo(new Measure.Proportion(UnitValue.atLeast(UnitValue.count(), 2)));
    }

    @Test
    void capsOnBothTails() {
        Metric metric = compiled("source: orders", "type: mean", "value: amount", "window: 14d",
                "cap: {quantile_low: 0.01, quantile: 0.99}");
        assertThat(metric.cap()).isEqualTo(new Cap.Percentile(0.01, 0.99));
        assertThat(metric.description()).endsWith(" Per-unit values below the 1st and above the 99th percentile are capped.");
        assertThat(compiled("source: orders", "type: mean", "value: amount", "window: 14d", "cap: {quantile_low: 0.05}")
                .cap()).isEqualTo(new Cap.Percentile(0.05, null));
    }

    @Test
    void aUnitFilterReadsTheDeclaredDimensions() {
        Metric metric = compiled("source: orders", "type: proportion", "window: 14d",
                "unit_filter: \"country in ('de', 'fr') and plan <> 'basic'\"");
        Project project = read(withMetric("source: orders", "type: proportion", "window: 14d")).orThrow();
        Dimension country = project.dimension("country");
        Dimension plan = project.dimension("plan");
        assertThat(metric.unitFilter()).isEqualTo(new UnitFilter("country in ('de', 'fr') and plan <> 'basic'",
                country.attribute().in("de", "fr").and(plan.attribute().ne("basic")), List.of(country, plan)));
        assertThat(metric.description()).endsWith(" Only units with country in ('de', 'fr') and plan <> 'basic'.");
        assertThat(metric).isEqualTo(builder(metric).proportionWithAnyEvent().window(Window.days(14))
                .unitFilter(metric.unitFilter()).build());
    }

    @Test
    void eligibilityOnAWindowedMetric() {
        Metric metric = compiled("source: orders", "type: retention", "start: 1d", "end: 2d", "eligibility: all");
        assertThat(metric.eligibility()).isEqualTo(Eligibility.ALL);
        assertThat(compiled("source: orders", "type: proportion", "window: 14d", "eligibility: elapsed").eligibility())
                .isEqualTo(Eligibility.ELAPSED);
    }

    // every mistake: one line, with its file, line and key

    @Test
    void eligibilityMistakes() {
        assertThat(errors("source: orders", "type: proportion", "window: 14d", "eligibility: al")).containsExactly(
                error(4, "eligibility", "unknown eligibility 'al': elapsed or all (did you mean 'all'?)"));
        assertThat(errors("source: users", "type: mean", "aggregate: count", "eligibility: all")).containsExactly(
                error(4, "eligibility", "source 'users' has no timestamp, so the metric has no window and every unit is "
                        + "eligible: eligibility applies to windowed metrics only"));
    }

    @Test
    void thresholdMistakes() {
        assertThat(errors("source: orders", "type: threshold", "aggregate: count", "at_least: 0", "window: 14d"))
                .containsExactly(error(4, "at_least", "a threshold must be positive, not 0.0: units without rows have the "
                        + "value 0 and count as not reaching it"));
    }

    @Test
    void retentionMistakes() {
        assertThat(errors("source: orders", "type: retention", "start: 7d", "end: 8d", "window: 14d")).containsExactly(
                error(5, "window", "a retention metric has a start and an end instead of a window (day 7 is start: 7d, end: 8d)"));
        assertThat(errors("source: orders", "type: retention", "start: 7d")).containsExactly(
                error(0, "end", "missing: when the retention day ends after first exposure (day 7: end: 8d)"));
        assertThat(errors("source: orders", "type: retention", "start: 8d", "end: 7d")).containsExactly(
                error(4, "end", "a retention's end (7 days) must come after its start (8 days)"));
        assertThat(errors("source: orders", "type: retention", "start: 1 week", "end: 8d")).containsExactly(
                error(3, "start", "expected a duration in days or hours such as 14d, '14 days', 36h or '36 hours', not '1 week'"));
        assertThat(errors("source: orders", "type: retention", "start: 7d", "end: 8d", "value: amount")).containsExactly(
                error(5, "value", "a retention metric counts units by their qualifying rows: it has no value ('filter' "
                        + "says which rows qualify)"));
        assertThat(errors("source: users", "type: retention", "start: 7d", "end: 8d")).containsExactly(
                error(2, "type", "type retention places rows in time, and source 'users' has no timestamp"));
    }

    @Test
    void conversionMistakes() {
        assertThat(errors("source: orders", "type: conversion")).containsExactly(
                error(0, "within", "missing: how long after first exposure a conversion counts (e.g. 24h)"));
        assertThat(errors("source: orders", "type: conversion", "within: 0h")).containsExactly(
                error(3, "within", "a within lasts at least 1 hour, not '0h'"));
        assertThat(errors("source: orders", "type: conversion", "within: 24h", "window: 14d")).containsExactly(
                error(4, "window", "a conversion metric has a within instead of a window (e.g. within: 24h)"));
    }

    @Test
    void funnelMistakes() {
        assertThat(errors("source: orders", "type: funnel", "window: 14d", "steps: [status = 'paid']")).containsExactly(
                error(4, "steps", "a funnel has at least two steps, not 1"));
        assertThat(errors("source: orders", "type: funnel", "window: 14d")).containsExactly(
                error(0, "steps", "missing: the funnel's steps, a list of at least two filters or {name, filter}"));
        assertThat(errors("source: orders", "type: funnel", "window: 14d", "steps: status = 'paid'")).containsExactly(
                error(4, "steps", "a funnel's steps are a list of filters or {name, filter}, not 'status = 'paid''"));
        assertThat(errors("source: orders", "type: funnel", "window: 14d", "steps:", "  - status = 'paid'",
                "  - {name: paid, filtr: \"status = 'refunded'\"}")).containsExactly(
                error(6, "steps[2].filtr", "unknown key (did you mean 'filter'?)"),
                error(6, "steps[2].filter", "missing: the rows that pass step 2"));
        assertThat(errors("source: orders", "type: funnel", "window: 14d", "steps:", "  - {name: paid, filter: amount > 0}",
                "  - {name: paid, filter: amount > 1}")).containsExactly(
                error(6, "steps", "step 2 has the name 'paid' of step 1: give each step its own name ({name: ..., filter: ...})"));
        assertThat(errors("source: orders", "type: funnel", "window: 14d", "steps:", "  - amount > 0", "  - amount > = 1",
                "  - amount > 0")).containsExactly(
                error(6, "steps", "not valid SQL: Identifier expected at column 10 of \"amount > = 1\""),
                error(7, "steps", "step 3 has the name 'amount > 0' of step 1: give each step its own name ({name: ..., "
                        + "filter: ...})"));
        assertThat(errors("source: orders", "type: funnel", "window: 14d", "steps:", "  - amount > 0", "  - status = = 'x'"))
                .containsExactly(error(6, "steps", "not valid SQL: Identifier expected at column 10 of \"status = = 'x'\""));
        assertThat(errors("source: orders", "type: funnel", "window: 14d", "steps: [amount > 0, amount > 1]",
                "covariate: pre_period")).containsExactly(error(5, "covariate",
                "a funnel's rows have no CUPED covariate: their steps are matched in the window only"));
    }

    @Test
    void keysOfOtherTypes() {
        assertThat(errors("source: orders", "type: mean", "value: amount", "window: 14d", "within: 24h", "approximate: true"))
                .containsExactly(
                        error(5, "within", "only conversion metrics have a within, not a mean metric"),
                        error(6, "approximate", "only count_distinct metrics have approximate, not a mean metric"));
        assertThat(errors("source: orders", "type: retention", "start: 1d", "end: 2d", "at_least: 3")).containsExactly(
                error(5, "at_least", "only threshold metrics have at_least, not a retention metric"));
        assertThat(errors("source: orders", "type: count_distinct", "value: status", "aggregate: sum", "window: 7d"))
                .containsExactly(error(4, "aggregate",
                        "a count_distinct metric counts the distinct values of its value: it has no aggregate"));
        assertThat(errors("source: orders", "type: count_distinct", "value: status", "approximate: maybe", "window: 7d"))
                .containsExactly(error(4, "approximate", "expected true or false, not 'maybe'"));
        assertThat(errors("source: orders", "type: count_distinct", "window: 7d")).containsExactly(
                error(0, "value", "missing: the row value whose distinct values are counted"));
        assertThat(errors("source: orders", "type: threshold", "value: amount", "window: 7d")).containsExactly(
                error(0, "at_least", "missing: the value a unit reaches to count (e.g. at_least: 50)"));
        assertThat(errors("source: orders", "type: threshold", "value: amount", "at_least: lots", "window: 7d"))
                .containsExactly(error(4, "at_least", "expected a number, not 'lots'"));
        assertThat(errors("source: orders", "type: active_days", "value: amount", "window: 7d", "steps: [a = 1, b = 2]"))
                .containsExactly(
                        error(3, "value", "an active_days metric counts units by their qualifying rows: it has no value "
                                + "('filter' says which rows qualify)"),
                        error(5, "steps", "only funnel metrics have steps, not an active_days metric"));
        assertThat(errors("source: users", "type: active_days")).containsExactly(
                error(2, "type", "type active_days places rows in time, and source 'users' has no timestamp"));
    }

    @Test
    void capMistakes() {
        assertThat(errors("source: orders", "type: threshold", "value: amount", "at_least: 5", "window: 7d", "cap: {value: 3}"))
                .containsExactly(error(6, "cap", "only averaged metrics (mean, count_distinct, active_days) can be capped, "
                        + "not a threshold metric"));
        assertThat(errors("source: orders", "type: mean", "value: amount", "window: 7d", "cap: {quantile: 0.9, value: 3}"))
                .containsExactly(error(5, "cap", "a cap is {quantile: q}, {quantile_low: q1, quantile: q2} or {value: x}: "
                        + "give quantiles or a value"));
        assertThat(errors("source: orders", "type: mean", "value: amount", "window: 7d",
                "cap: {quantile_low: 0.99, quantile: 0.01}")).containsExactly(
                error(5, "cap.quantile_low", "the lower quantile 0.99 is not below the upper one 0.01"));
        assertThat(errors("source: orders", "type: mean", "value: amount", "window: 7d", "cap: {quantile_lo: 0.01}"))
                .containsExactly(error(5, "cap.quantile_lo", "unknown key (did you mean 'quantile_low'?)"),
                        error(5, "cap", "a cap is {quantile: q}, {quantile_low: q1, quantile: q2} or {value: x}: "
                                + "give quantiles or a value"));
    }

    @Test
    void unitFilterMistakes() {
        assertThat(errors("source: orders", "type: proportion", "window: 14d", "unit_filter: contry = 'de'")).containsExactly(
                error(4, "unit_filter", "no dimension 'contry': a unit filter reads the project's dimensions (country, plan) "
                        + "(did you mean 'country'?)"));
        assertThat(errors("source: orders", "type: proportion", "window: 14d", "unit_filter: status = 'paid'")).containsExactly(
                error(4, "unit_filter", "no dimension 'status': a unit filter reads the project's dimensions (country, plan)"));
        assertThat(errors("source: orders", "type: proportion", "window: 14d", "unit_filter: u.country = 'de'")).containsExactly(
                error(4, "unit_filter", "qualified column 'u.country': name a dimension alone"));
        assertThat(errors("source: orders", "type: proportion", "window: 14d", "unit_filter: 1 = 1")).containsExactly(
                error(4, "unit_filter", "a unit filter tests dimensions (e.g. country = 'DE'), and '1 = 1' names none"));
        assertThat(errors("source: orders", "type: proportion", "window: 14d", "unit_filter: country = = 'de'")).containsExactly(
                error(4, "unit_filter", "not valid SQL: Identifier expected at column 11 of \"country = = 'de'\""));
    }
}
