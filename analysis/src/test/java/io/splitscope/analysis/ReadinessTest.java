package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import io.splitscope.metrics.project.ProjectFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Experiments that cannot be compared yet ({@link WaitingProject}, a real folder warehouse) give a
 * scorecard that says what it waits for, with no rows, instead of an error or NaN rows.
 */
class ReadinessTest {

    @TempDir
    static Path folder;

    private static AnalysisService service;

    @BeforeAll
    static void open() {
        service = AnalysisService.open(ProjectFile.load(WaitingProject.writeTo(folder)));
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void aDeclaredExperimentWithoutExposuresWaitsForThem() {
        Scorecard scorecard = service.analyze(AnalysisRequest.of("no_exposures"));

        assertThat(scorecard.readiness()).isEqualTo(new Readiness(Readiness.Status.WAITING_FOR_EXPOSURES,
                "no exposures yet between 2026-05-01 and 2026-05-28"));
        assertThat(scorecard.rows()).isEmpty();
        assertThat(scorecard.population().units()).containsExactly(Map.entry("control", 0L), Map.entry("treatment", 0L));
        assertThat(scorecard.srm().pValue()).isNaN();
        assertThat(scorecard.srm().mismatch()).isFalse();
    }

    @Test
    void anExperimentWithUnitsInOneArmWaitsForTheOthers() {
        Scorecard scorecard = service.analyze(AnalysisRequest.of("one_arm"));

        assertThat(scorecard.readiness()).isEqualTo(new Readiness(Readiness.Status.WAITING_FOR_VARIANTS,
                "only one variant (control) has units"));
        assertThat(scorecard.rows()).isEmpty();
        assertThat(scorecard.population().units()).containsExactly(Map.entry("control", 3L), Map.entry("treatment", 0L));
    }

    @Test
    void aDiscoveredExperimentWithOneVariantWaitsForAnother() {
        Scorecard scorecard = service.analyze(AnalysisRequest.of("single"));

        assertThat(scorecard.readiness()).isEqualTo(new Readiness(Readiness.Status.WAITING_FOR_VARIANTS,
                "only one variant (control) has units"));
        assertThat(scorecard.rows()).isEmpty();
        assertThat(scorecard.population().units()).containsExactly(Map.entry("control", 2L));
        assertThat(scorecard.srm().chiSquare()).isNaN();
    }

    @Test
    void theJsonSaysTheStatusAndWhatItWaitsFor() {
        JsonNode json = ScorecardJson.tree(service.analyze(AnalysisRequest.of("no_exposures")));

        assertThat(json.get("status").asString()).isEqualTo("waiting_for_exposures");
        assertThat(json.get("waiting_for").asString()).isEqualTo("no exposures yet between 2026-05-01 and 2026-05-28");
        assertThat(json.get("results").size()).isZero();
        assertThat(json.get("srm").get("p_value").isNull()).isTrue();
    }

    @Test
    void theTableSaysTheStatusInPlaceOfTheRows() {
        String table = ScorecardTable.render(service.analyze(AnalysisRequest.of("one_arm")));

        assertThat(table).contains("units: control 3, treatment 0")
                .endsWith("status: waiting_for_variants (only one variant (control) has units): nothing to compare yet\n");
    }

    @Test
    void aComparableScorecardIsReady() {
        try (AnalysisService golden = GoldenWarehouse.service()) {
            JsonNode json = ScorecardJson.tree(golden.analyze(AnalysisRequest.of("exp_autoplay")));

            assertThat(json.get("status").asString()).isEqualTo("ready");
            assertThat(json.get("waiting_for").isNull()).isTrue();
        }
    }

    @Test
    void namesEveryVariantWithoutUnitsWhenSeveralHaveSome() {
        Experiment experiment = service.experiment("one_arm").orElseThrow();
        Map<String, Long> units = new LinkedHashMap<>();
        units.put("control", 5L);
        units.put("a", 4L);
        units.put("b", 0L);

        assertThat(Readiness.of(experiment, new Population(units, 0, 0)).waitingFor()).isEqualTo("variant 'b' has no units yet");
        units.put("c", 0L);
        assertThat(Readiness.of(experiment, new Population(units, 0, 0)).waitingFor())
                .isEqualTo("variants 'b', 'c' have no units yet");
        units.replaceAll((variant, n) -> 0L);
        assertThat(Readiness.of(experiment, new Population(units, 0, 0)).status())
                .isEqualTo(Readiness.Status.WAITING_FOR_EXPOSURES);
        units.replaceAll((variant, n) -> 1L);
        assertThat(Readiness.of(experiment, new Population(units, 0, 0))).isEqualTo(Readiness.READY);
    }

    @Test
    void aVariantPlannedToGetNothingIsNotWaitedFor() {
        Experiment planned = service.experiment("one_arm").orElseThrow();
        Experiment heldBack = new Experiment(planned.id(), planned.name(), planned.hypothesis(), planned.owner(),
                planned.startDate(), planned.endDate(), "control", List.of(new Experiment.VariantWeight("control", 0.5),
                new Experiment.VariantWeight("a", 0.5), new Experiment.VariantWeight("b", 0)), planned.assignment(),
                planned.key(), planned.metricIds());
        Map<String, Long> units = new LinkedHashMap<>();
        units.put("control", 5L);
        units.put("a", 4L);
        units.put("b", 0L);

        assertThat(Readiness.of(heldBack, new Population(units, 0, 0))).isEqualTo(Readiness.READY);
    }
}
