package io.splitscope.metrics.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.preset.StandardMetrics;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.stats.decision.Design;
import io.splitscope.stats.decision.Margin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

class DecisionRolesTest {

    private static final Metric WATCH_FUNNEL;
    private static final Map<String, Metric> METRICS = new LinkedHashMap<>();

    static {
        var title = StreamingPreset.PLAYBACK.column("title_id", SQLDataType.VARCHAR);
        WATCH_FUNNEL = Metric.define("watch_funnel").title("Watch funnel").description("D").from(StreamingPreset.PLAYBACK)
                .funnel(Measure.Funnel.Step.of("browse", title.eq("a")), Measure.Funnel.Step.of("play", title.eq("b")))
                .window(Window.days(7)).higherIsBetter().build();
        new StandardMetrics().metrics().forEach(metric -> METRICS.put(metric.id(), metric));
        METRICS.put(WATCH_FUNNEL.id(), WATCH_FUNNEL);
    }

    private static List<String> mistakes(DecisionPlan.Builder plan) {
        return DecisionRoles.mistakes(plan.build(), METRICS);
    }

    @Test
    void aPlanWhoseRolesFitItsMetricsHasNoMistake() {
        assertThat(mistakes(DecisionPlan.builder().success("streaming_hours", "retention_d7")
                .guardrail("startup_ms_p90", "+5%").guardrail("rebuffer_rate", "+0.02")
                .guardrail("revenue_per_member", "-1%").guardrail("cancel_rate", "+100%"))).isEmpty();
        assertThat(DecisionRoles.mistakes(DecisionPlan.NONE, METRICS)).isEmpty();
        assertThat(DecisionRoles.mistakes(DecisionPlan.NONE, Map.of())).isEmpty();
    }

    @Test
    void anUnknownMetricIsNamedWithTheNearestOne() {
        assertThat(mistakes(DecisionPlan.builder().success("streming_hours").guardrail("cancelrate", "+5%")))
                .containsExactly(
                        "success metric 'streming_hours' is not a metric of the project (did you mean 'streaming_hours'?)",
                        "guardrail 'cancelrate' is not a metric of the project (did you mean 'cancel_rate'?)");
        assertThat(mistakes(DecisionPlan.builder().success("nps"))).containsExactly(
                "success metric 'nps' is not a metric of the project");
    }

    @Test
    void aMetricHasOneRole() {
        assertThat(mistakes(DecisionPlan.builder().success("streaming_hours").guardrail("streaming_hours", "-1%")))
                .containsExactly("metric 'streaming_hours' is both a success metric and a guardrail: the change is meant "
                        + "to move a success metric, a guardrail only must not get worse; give it one role");
        DecisionPlan twice = new DecisionPlan(List.of("play_rate", "play_rate"), Map.of(), 0.05, 0.8,
                Design.FIXED);
        assertThat(DecisionRoles.mistakes(twice, METRICS)).containsExactly("success metric 'play_rate' is listed twice");
    }

    @Test
    void aFunnelHasNoRole() {
        assertThat(mistakes(DecisionPlan.builder().success("watch_funnel").guardrail("streaming_hours", "-1%")))
                .containsExactly("success metric 'watch_funnel' is a funnel, several rows that the rule cannot test as one "
                        + "metric: declare the step that matters as a proportion or conversion metric of its own");
        Metric stepToStep = WATCH_FUNNEL.scorecardMetrics().get(2);
        assertThat(DecisionRoles.mistakes(DecisionPlan.builder().success("streaming_hours")
                .guardrail(stepToStep.id(), "-5%").build(), Map.of("streaming_hours", StandardMetrics.STREAMING_HOURS,
                stepToStep.id(), stepToStep))).containsExactly("guardrail 'watch_funnel.step2_of_1' is descriptive "
                + "(funnel_conversion), not tested, so the rule cannot use it");
    }

    @Test
    void aMarginPointsTheHarmfulWay() {
        assertThat(mistakes(DecisionPlan.builder().success("streaming_hours")
                .guardrail("cancel_rate", "-5%").guardrail("revenue_per_member", "+1%").guardrail("startup_ms_p90", "-30")))
                .containsExactly(
                        "guardrail 'cancel_rate' is lower-is-better: its margin must allow an increase, e.g. \"+5%\", got \"-5%\"",
                        "guardrail 'revenue_per_member' is higher-is-better: its margin must allow a decrease, e.g. \"-1%\", "
                                + "got \"+1%\"",
                        "guardrail 'startup_ms_p90' is lower-is-better: its margin must allow an increase, e.g. \"+5%\", "
                                + "got \"-30\"");
    }

    @Test
    void aMarginAllowsSomeHarmAndNotMoreThanAll() {
        assertThat(mistakes(DecisionPlan.builder().success("streaming_hours")
                .guardrail("cancel_rate", "0%").guardrail("play_rate", new Margin(0, false))
                .guardrail("revenue_per_member", "-150%").guardrail("active_days", "-100%")))
                .containsExactly(
                        "guardrail 'cancel_rate' has a margin of 0, which allows no harm at all; it is lower-is-better: its "
                                + "margin must allow an increase, e.g. \"+5%\"",
                        "guardrail 'play_rate' has a margin of 0, which allows no harm at all; it is higher-is-better: its "
                                + "margin must allow a decrease, e.g. \"-1%\"",
                        "guardrail 'revenue_per_member': a margin of \"-150%\" lets it fall by more than all of its value, "
                                + "so it guards nothing; e.g. \"-1%\"");
    }

    @Test
    void guardrailsNeedASuccessMetric() {
        assertThat(DecisionRoles.find(DecisionPlan.builder().guardrail("cancel_rate", "+5%").build(), METRICS))
                .containsExactly(new DecisionRoles.Mistake(null, true, "guardrails without a success metric: the rule "
                        + "ships a change only when a success metric improves, so name at least one success metric"));
    }

    @Test
    void eachMistakeSaysWhichMetricAndRoleItConcerns() {
        assertThat(DecisionRoles.find(DecisionPlan.builder().success("nps").guardrail("cancel_rate", "-5%").build(), METRICS))
                .extracting(DecisionRoles.Mistake::metricId, DecisionRoles.Mistake::guardrail)
                .containsExactly(tuple("nps", false),
                        tuple("cancel_rate", true));
    }
}
