package io.splitscope.stats.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The quality checks' thresholds (spec/decisions.md) and the input records' checks. */
class QualityCheckTest {

    @Test
    void thresholds() {
        assertThat(QualityCheck.srm(0.00099).passed()).isFalse();
        assertThat(QualityCheck.srm(0.001).passed()).isTrue();
        assertThat(QualityCheck.srm(0.2)).isEqualTo(new QualityCheck("sample ratio", true, "SRM p-value 0.2000 (fails below 0.001)"));
        assertThat(QualityCheck.srm(3e-9).detail()).isEqualTo("SRM p-value 3.0e-09 (fails below 0.001)");
        assertThat(QualityCheck.crossoverShare(OptionalDouble.of(0.0101)))
                .isEqualTo(new QualityCheck("crossover share", false, "1.01 % of units saw more than one variant (fails above 1 %)"));
        assertThat(QualityCheck.crossoverShare(OptionalDouble.of(0.01)).passed()).isTrue();
        assertThat(QualityCheck.invalidShare(OptionalDouble.of(0.25)))
                .isEqualTo(new QualityCheck("invalid exposures", false, "25.00 % of exposure rows are invalid (fails above 1 %)"));
        assertThat(QualityCheck.invalidShare(OptionalDouble.empty())).isEqualTo(new QualityCheck("invalid exposures", true, "unknown"));
        assertThat(QualityCheck.units("B", 0)).isEqualTo(new QualityCheck("units", false, "variant B has 0 units"));
        assertThat(QualityCheck.units("B", 1).passed()).isTrue();
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> QualityCheck.srm(1.5)).hasMessage("an SRM p-value must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> QualityCheck.crossoverShare(OptionalDouble.of(-0.1)))
                .hasMessage("the crossover share must be a fraction in [0, 1], got -0.1");
        assertThatThrownBy(() -> QualityCheck.units("B", -1)).hasMessage("variant 'B' has a negative unit count: -1");
        assertThatThrownBy(() -> new VariantEvidence("B", Map.of(), List.of(), -1, 0, 0))
                .hasMessage("variant 'B': units and daily intake must be non-negative, got -1, 0, 0.0");
        assertThatThrownBy(() -> RoleMetric.success("revenue", " ", true))
                .hasMessageStartingWith("a metric of the decision rule needs an id, a label and a role");
        assertThatThrownBy(() -> new RoleMetric("latency", "latency", Role.GUARDRAIL, false, null))
                .hasMessage("guardrail 'latency' needs a non-inferiority margin");
        assertThatThrownBy(() -> new RoleMetric("revenue", "revenue", Role.SUCCESS, true, Margin.parse("-1%")))
                .hasMessage("success metric 'revenue' has no margin, got -1%");
        assertThatThrownBy(() -> RoleMetric.guardrail("revenue", "revenue", true, Margin.parse("+1%")))
                .hasMessageContaining("the margin +1% must point in the harmful direction (a fall, e.g. \"-1%\")");
    }
}
