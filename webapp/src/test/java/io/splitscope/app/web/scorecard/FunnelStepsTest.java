package io.splitscope.app.web.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.metrics.preset.StandardMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A funnel's section read from its scorecard rows, and its chart per variant. */
class FunnelStepsTest {

    private static final Scorecard SCORECARD = FunnelScorecard.scorecard();

    @Test
    void readsEachVariantsSharesWithTheirIntervalsAndTheConversionsFromTheStepBefore() {
        FunnelSteps funnel = FunnelSteps.of(FunnelScorecard.FUNNEL, SCORECARD).orElseThrow();

        assertThat(funnel.arms()).extracting(FunnelSteps.Arm::variant).containsExactly("control", "treatment");
        FunnelSteps.Arm control = funnel.arms().get(0);
        FunnelSteps.Arm treatment = funnel.arms().get(1);
        assertThat(control.steps()).extracting(FunnelSteps.Step::name).containsExactly("browse", "cart", "checkout");
        assertThat(control.steps()).extracting(FunnelSteps.Step::share).containsExactly(0.6, 0.3, 0.12);
        assertThat(treatment.steps()).extracting(FunnelSteps.Step::units).containsOnly(1010L);
        assertThat(control.steps().get(0).conversion()).isNull();
        assertThat(control.steps().get(1).conversion()).isCloseTo(0.5, within(1e-15));
        assertThat(treatment.steps().get(2).conversion()).isCloseTo(0.15 / 0.33, within(1e-15));
        // R 4.2.2: 0.6 + c(-1, 1) * qnorm(0.975) * sqrt(0.6 * 0.4 / 999) = 0.56962117530323886, 0.63037882469676110
        assertThat(control.steps().get(0).low()).isCloseTo(0.56962117530323886, within(1e-15));
        assertThat(control.steps().get(0).high()).isCloseTo(0.63037882469676110, within(1e-15));
        // R 4.2.2: 0.15 + c(-1, 1) * qnorm(0.975) * sqrt(0.15 * 0.85 / 1009) = 0.12796781344399621, 0.17203218655600377
        assertThat(treatment.steps().get(2).low()).isCloseTo(0.12796781344399621, within(1e-15));
        assertThat(treatment.steps().get(2).high()).isCloseTo(0.17203218655600377, within(1e-15));
    }

    @Test
    void hasNoFunnelWhenTheScorecardHasNotItsRowsOrIsSliced() {
        Scorecard sliced = new Scorecard(SCORECARD.experiment(), SCORECARD.population(), SCORECARD.srm(),
                SCORECARD.rows().stream().map(r -> new ScorecardRow(r.metricId(), r.metricTitle(), r.type(), r.method(),
                        r.variant(), "DE", r.nControl(), r.nTreatment(), r.incompleteUnits(), r.comparison(),
                        r.pValueAdjusted(), r.inputs(), r.kind(), r.eligibility())).toList(),
                SCORECARD.confidence(), SCORECARD.warehouse(), SCORECARD.computedAt(), List.of());

        assertThat(FunnelSteps.of(FunnelScorecard.FUNNEL, sliced)).isEmpty();
        assertThat(FunnelSteps.of(new StandardMetrics().metrics().getFirst(), SCORECARD)).as("not a funnel").isEmpty();
    }

    @Test
    void drawsAVariantsFunnelAsBarsWithTheirIntervalsAndConversions() {
        FunnelSteps.Arm treatment = FunnelSteps.of(FunnelScorecard.FUNNEL, SCORECARD).orElseThrow().arms().get(1);

        JsonNode figure = ScorecardFigures.funnel(treatment, 1, 0.65);

        JsonNode bars = figure.get("data").get(0);
        assertThat(bars.get("type").asString()).isEqualTo("bar");
        assertThat(bars.get("orientation").asString()).isEqualTo("h");
        assertThat(bars.get("name").asString()).isEqualTo("treatment");
        assertThat(bars.get("x").values()).map(JsonNode::asDouble).containsExactly(62.0, 33.0, 15.0);
        assertThat(bars.get("y").values()).map(JsonNode::asString).containsExactly("browse", "cart", "checkout");
        assertThat(bars.get("text").values()).map(JsonNode::asString).containsExactly("62 %", "33 %", "15 %");
        assertThat(figure.get("layout").get("yaxis").get("ticktext").get(1).asString()).contains("<b>cart</b>",
                "53.2 % of the step before");
        assertThat(figure.get("layout").get("yaxis").get("ticktext").get(0).asString()).isEqualTo("<b>browse</b>  ");
        assertThat(bars.get("error_x").get("array").get(2).asDouble()).isCloseTo(17.203218655600377 - 15, within(1e-9));
        assertThat(bars.get("marker").get("color").asString()).isEqualTo(io.splitscope.app.web.chart.Figures.SERIES.get(1));
        assertThat(figure.get("layout").get("xaxis").get("range").get(1).asDouble()).isCloseTo(70.2, within(1e-9));
        assertThat(figure.get("layout").get("yaxis").get("autorange").asString()).isEqualTo("reversed");
    }
}
