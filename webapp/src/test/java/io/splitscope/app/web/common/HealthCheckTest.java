package io.splitscope.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.Readiness;
import io.splitscope.metrics.population.Population;
import io.splitscope.stats.health.SrmResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private static final SrmResult PLANNED = new SrmResult(0.657, 0.418, false, Map.of("control", 0.5, "previews", 0.5));

    @Test
    void theGoldenAutoplayPopulationHasNotesOnly() {
        // golden exp_autoplay.json: units 863 / 897, crossover_units 8, invalid_exposures 4
        Population population = new Population(Map.of("control", 863L, "previews", 897L), 8, 4);
        List<HealthCheck> checks = HealthCheck.all(Readiness.READY, population, PLANNED, 346, 28);
        assertThat(checks).extracting(HealthCheck::kind).containsExactly(HealthCheck.Kind.SRM,
                HealthCheck.Kind.CROSSOVERS, HealthCheck.Kind.INVALID_EXPOSURES, HealthCheck.Kind.INCOMPLETE_WINDOWS);
        assertThat(checks).extracting(HealthCheck::level).containsExactly(HealthCheck.Level.OK, HealthCheck.Level.NOTE,
                HealthCheck.Level.NOTE, HealthCheck.Level.NOTE);
        assertThat(checks).extracting(HealthCheck::label).containsExactly("Split OK", "8 crossovers",
                "4 invalid exposures", "346 still in window");
        assertThat(checks.get(1).detail()).startsWith("8 units (0.45 % of those exposed) saw more than one variant");
        assertThat(checks.get(3).detail()).contains("less than 28 days before the end date");
    }

    @Test
    void manyCrossoversOrInvalidExposuresAreWarnings() {
        Population population = new Population(Map.of("control", 500L, "previews", 480L), 30, 25);
        List<HealthCheck> checks = HealthCheck.all(Readiness.READY, population, PLANNED, 0, 7);
        assertThat(checks).extracting(HealthCheck::level).containsExactly(HealthCheck.Level.OK,
                HealthCheck.Level.WARNING, HealthCheck.Level.WARNING);
        assertThat(checks.get(1).detail()).contains("not sticky");
    }

    /** Issue 17: "p = 0.038" was shown as "Split as planned ✓" without a word of the threshold. */
    @Test
    void theSampleRatioPValueIsStatedAgainstItsThreshold() {
        assertThat(HealthCheck.srmP(0.038)).isEqualTo("p = 0.038 ≥ 0.001 threshold");
        assertThat(HealthCheck.srmP(0.001)).isEqualTo("p = 0.001 ≥ 0.001 threshold");
        assertThat(HealthCheck.srmP(0.000139)).isEqualTo("p = 1.4e-4 < 0.001 threshold");
        assertThat(HealthCheck.srmP(0.0)).isEqualTo("p = 0 < 0.001 threshold");
        assertThat(HealthCheck.srmP(Double.NaN)).isEqualTo("no split to test");
        assertThat(HealthCheck.srmPValue(Double.NaN)).isEqualTo(Formats.MISSING);
    }

    @Test
    void aMismatchFailsAndSaysWhatToDo() {
        HealthCheck srm = HealthCheck.srm(new SrmResult(14.52, 0.000139, true, Map.of("control", 0.5, "previews", 0.5)));
        assertThat(srm.level()).isEqualTo(HealthCheck.Level.FAILURE);
        assertThat(srm.label()).isEqualTo("SRM");
        assertThat(srm.detail()).isEqualTo("Sample ratio mismatch: the split differs from the planned weights"
                + " (χ² = 14.52, p = 1.4e-4 < 0.001 threshold). Results may be biased; check assignment and logging before trusting them.");
    }

    @Test
    void anExperimentThatWaitsSaysForWhatInPlaceOfTheSampleRatioCheck() {
        Population oneArm = new Population(Map.of("control", 3L, "previews", 0L), 0, 0);
        Readiness waiting = new Readiness(Readiness.Status.WAITING_FOR_VARIANTS, "only one variant (control) has units");

        List<HealthCheck> checks = HealthCheck.all(waiting, oneArm, PLANNED, 0, 7);

        assertThat(checks).containsExactly(new HealthCheck(HealthCheck.Kind.WAITING, HealthCheck.Level.NOTE,
                "Only one variant (control) has units", "Nothing to compare yet: only one variant (control) has units."
                        + " The scorecard compares the variants once each of them has units."));
    }
}
