package io.splitscope.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.preset.StandardMetrics;
import org.junit.jupiter.api.Test;

/** A bad definition fails when it is built, with a message naming the metric. */
class MetricTest {

    private static Metric.Builder valid(String id) {
        return Metric.define(id).title("T").description("D").from(StreamingPreset.PLAYBACK)
                .mean(UnitValue.count()).window(Window.days(7)).higherIsBetter();
    }

    @Test
    void buildsAValidMetricWithNoFilterMeaningAllEvents() {
        Metric metric = valid("plays").build();

        assertThat(metric.type()).isEqualTo(MetricType.MEAN);
        assertThat(metric.filter()).isEqualTo(org.jooq.impl.DSL.noCondition());
        assertThat(metric.guardrail()).isFalse();
    }

    @Test
    void needsAWindowOnASourceWithTimestampsAndNoneOnOneWithout() {
        assertThatThrownBy(() -> valid("plays").window(null).build()).hasMessage("metric plays has no window: source "
                + "playback has a timestamp, so its rows count only in a window after first exposure");
        assertThatThrownBy(() -> valid("plays").from(StreamingPreset.MEMBERS).build()).hasMessage("metric plays has a "
                + "window, but source members has no timestamp to place its rows in it");
    }

    @Test
    void anExperimentsUnitFilterHoldsWithTheMetricsOwn() {
        UnitFilter germany = new UnitFilter("country = 'DE'", StreamingPreset.COUNTRY.attribute().eq("DE"),
                java.util.List.of(StreamingPreset.COUNTRY));
        UnitFilter paying = new UnitFilter("plan <> 'free'", StreamingPreset.PLAN.attribute().ne("free"),
                java.util.List.of(StreamingPreset.PLAN));
        Metric plays = valid("plays").unitFilter(paying).build();

        Metric restricted = plays.restrictedTo(germany);
        assertThat(restricted.unitFilter()).isEqualTo(new UnitFilter("(country = 'DE') and (plan <> 'free')",
                germany.condition().and(paying.condition()), java.util.List.of(StreamingPreset.COUNTRY, StreamingPreset.PLAN)));
        assertThat(restricted).isEqualTo(valid("plays").unitFilter(restricted.unitFilter()).build());
        assertThat(valid("plays").build().restrictedTo(germany).unitFilter()).isEqualTo(germany);
        assertThat(plays.restrictedTo(null)).isSameAs(plays);
    }

    @Test
    void needsARatiosDenominator() {
        assertThatThrownBy(() -> valid("rebuffers").ratio(UnitValue.count(), null).build())
                .hasMessage("metric rebuffers: a ratio needs a denominator");
    }

    @Test
    void needsATitleAndADirection() {
        assertThatThrownBy(() -> valid("plays").title(" ").build()).hasMessage("metric plays has no title");
        assertThatThrownBy(() -> Metric.define("plays").title("T").description("D").from(StreamingPreset.PLAYBACK)
                .mean(UnitValue.count()).window(Window.days(7)).build()).hasMessage("metric plays has no direction");
    }

    @Test
    void needsAStableIdOfTheProjectFilesCharacters() {
        assertThatThrownBy(() -> valid("Plays per member").build())
                .hasMessage("metric id 'Plays per member' must be 1 to 64 characters of A-Z, a-z, 0-9, _, . and -");
        assertThat(valid("checkout.v2-rate").build().id()).isEqualTo("checkout.v2-rate");
    }

    @Test
    void rejectsWindowsAndQuantileLevelsThatCannotBe() {
        assertThatThrownBy(() -> Window.days(0)).hasMessage("a metric window must be at least 1 day long, not 0");
        assertThatThrownBy(() -> valid("p100").quantile(StreamingPreset.PLAYBACK.column(io.splitscope.sql.WarehouseSchema.STARTUP_MS), 1.0))
                .hasMessage("a quantile level must lie strictly between 0 and 1, not 1.0");
    }

    @Test
    void capsOnlyMeanMetricsWithSensibleBounds() {
        assertThatThrownBy(() -> valid("rate").proportionWithAnyEvent().capped(Cap.above(1)).build())
                .hasMessage("metric rate: only mean metrics can be capped, not a proportion metric");
        assertThatThrownBy(() -> new Cap.Absolute(null, null)).hasMessage("a cap needs a lower or an upper bound");
        assertThatThrownBy(() -> new Cap.Absolute(5.0, 1.0)).hasMessage("a cap's lower bound 5.0 exceeds its upper bound 1.0");
        assertThatThrownBy(() -> Cap.abovePercentile(99))
                .hasMessage("a cap's percentile level must lie strictly between 0 and 1, not 99.0");
    }

    @Test
    void knowsTheStandardCatalogsTypes() {
        assertThat(StandardMetrics.REBUFFER_RATE.type()).isEqualTo(MetricType.RATIO);
        assertThat(StandardMetrics.STARTUP_MS_P90.type()).isEqualTo(MetricType.QUANTILE);
        assertThat(StandardMetrics.CANCEL_RATE.type()).isEqualTo(MetricType.PROPORTION);
        assertThat(StandardMetrics.CANCEL_RATE.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
    }

    @Test
    void aFunnelExpandsToEachStepsShareAndEachStepToStepConversion() {
        var page = StreamingPreset.PLAYBACK.column("title_id", org.jooq.impl.SQLDataType.VARCHAR);
        Metric funnel = valid("watch_funnel").title("Watch funnel").funnel(Measure.Funnel.Step.of("browse", page.eq("a")),
                Measure.Funnel.Step.of("trailer", page.eq("b")), Measure.Funnel.Step.of("play", page.eq("c"))).build();

        assertThat(funnel.kind()).isEqualTo(MetricKind.FUNNEL);
        assertThat(funnel.scorecardMetrics()).extracting(Metric::id).containsExactly("watch_funnel.step1",
                "watch_funnel.step2", "watch_funnel.step2_of_1", "watch_funnel.step3", "watch_funnel.step3_of_2");
        assertThat(funnel.scorecardMetrics()).extracting(Metric::kind).containsExactly(MetricKind.FUNNEL_STEP,
                MetricKind.FUNNEL_STEP, MetricKind.FUNNEL_CONVERSION, MetricKind.FUNNEL_STEP, MetricKind.FUNNEL_CONVERSION);
        Metric trailerOfBrowse = funnel.scorecardMetrics().get(2);
        assertThat(trailerOfBrowse.title()).isEqualTo("Watch funnel · trailer of browse");
        assertThat(trailerOfBrowse.measure()).isEqualTo(new Measure.Ratio(
                new UnitValue.FunnelReached("watch_funnel", (Measure.Funnel) funnel.measure(), 2),
                new UnitValue.FunnelReached("watch_funnel", (Measure.Funnel) funnel.measure(), 1)));
        assertThat(trailerOfBrowse.kind().descriptive()).isTrue();
        assertThat(trailerOfBrowse.cupedCovariate()).isEmpty(); // steps match in the window only
        assertThat(funnel.scorecardMetrics().getFirst().window()).isEqualTo(Window.days(7));
        assertThat(valid("plays").build().scorecardMetrics()).extracting(Metric::id).containsExactly("plays");
    }

    @Test
    void knowsEachKindsStatisticalTypeAndItsWindow() {
        Metric retention = valid("day7").retention(java.time.Duration.ofDays(7), java.time.Duration.ofDays(8)).build();
        Metric conversion = valid("within24h").conversionWithin(java.time.Duration.ofHours(24)).build();
        Metric share = valid("participation").activeDayShare().eligibility(Eligibility.ALL).build();
        Metric spenders = valid("spenders").threshold(UnitValue.count(), 3).build();

        assertThat(retention.kind()).isEqualTo(MetricKind.RETENTION);
        assertThat(retention.type()).isEqualTo(MetricType.PROPORTION);
        assertThat(retention.window()).isEqualTo(Window.days(1).delayedBy(7));
        assertThat(retention.eligibility()).isEqualTo(Eligibility.ELAPSED);
        assertThat(conversion.window()).isEqualTo(Window.hours(24));
        assertThat(share.measure()).isEqualTo(new Measure.Mean(new UnitValue.DistinctDays(
                StreamingPreset.PLAYBACK.timestampColumn().orElseThrow(), true)));
        assertThat(share.eligibility()).isEqualTo(Eligibility.ALL);
        assertThat(spenders.type()).isEqualTo(MetricType.PROPORTION);
        assertThat(valid("titles").countDistinct(StreamingPreset.PLAYBACK.column("title_id",
                org.jooq.impl.SQLDataType.VARCHAR)).build().kind()).isEqualTo(MetricKind.COUNT_DISTINCT);
    }

    @Test
    void refusesKindsTheirSourceCannotCarry() {
        assertThatThrownBy(() -> valid("plays").from(StreamingPreset.MEMBERS).window(null).eligibility(Eligibility.ALL).build())
                .hasMessage("metric plays has no window, so every unit is eligible: eligibility 'all' applies to windowed "
                        + "metrics only");
        assertThatThrownBy(() -> valid("days").from(StreamingPreset.MEMBERS).window(null).activeDays().build())
                .hasMessage("metric days: active days need a source with a timestamp");
        assertThatThrownBy(() -> new Measure.Funnel(java.util.List.of(Measure.Funnel.Step.of("only", org.jooq.impl.DSL.trueCondition()))))
                .hasMessage("a funnel has at least two steps");
        assertThatThrownBy(() -> valid("f").funnel(Measure.Funnel.Step.of("a", org.jooq.impl.DSL.trueCondition()),
                Measure.Funnel.Step.of("a", org.jooq.impl.DSL.falseCondition())))
                .hasMessage("a funnel's steps have distinct names: 'a' twice");
        assertThatThrownBy(() -> MetricKind.fromJsonName("retension")).hasMessageStartingWith("unknown metric type 'retension'");
    }
}
