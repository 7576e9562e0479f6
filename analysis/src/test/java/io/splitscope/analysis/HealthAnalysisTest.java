package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.splitscope.metrics.population.DailyPopulation;
import io.splitscope.stats.health.SampleRatioMismatch;
import io.splitscope.metrics.project.ProjectFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health report on the golden warehouse, against R: every reference value below comes from
 * {@code src/test/resources/health/health-reference.R} (R 4.2.2, run on the golden CSV files: the
 * population rules of {@code spec/warehouse.md} written by hand in R, then
 * {@code chisq.test(counts, p = weights)}). Counts are exact; p-values agree to 1e-9 (R printed
 * ten significant digits).
 */
class HealthAnalysisTest {

    private static final double P_TOLERANCE = 1e-9;
    private static AnalysisService service;

    @BeforeAll
    static void open() {
        service = GoldenWarehouse.service();
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void checksTheSplitOfEachDaysNewUnits() {
        HealthReport report = service.health("exp_autoplay");

        assertThat(report.status()).isEqualTo(HealthReport.Status.READY);
        // R: exp_autoplay units 1760 crossovers 8 invalid 4; overall 863 897 p=0.4176854972
        assertThat(report.population().units()).containsExactly(Map.entry("control", 863L), Map.entry("previews", 897L));
        assertThat(report.srm().pValue()).isCloseTo(0.4176854972, within(P_TOLERANCE));
        HealthReport.Day first = report.days().getFirst();
        // R: 2026-03-01 47 54 p=0.4860994597; 2026-03-03 48 38 p=0.2808875253 cross 1
        assertThat(first.counts()).isEqualTo(new DailyPopulation(LocalDate.of(2026, 3, 1),
                Map.of("control", 47L, "previews", 54L), 0, 0));
        assertThat(first.srm().pValue()).isCloseTo(0.4860994597, within(P_TOLERANCE));
        HealthReport.Day third = report.days().get(2);
        assertThat(third.counts()).isEqualTo(new DailyPopulation(LocalDate.of(2026, 3, 3),
                Map.of("control", 48L, "previews", 38L), 1, 0));
        assertThat(third.srm().pValue()).isCloseTo(0.2808875253, within(P_TOLERANCE));
        assertThat(report.mismatchedDays()).isEmpty();
        assertThat(report.threshold()).isEqualTo(SampleRatioMismatch.THRESHOLD);
    }

    @Test
    void theDaysAddUpToThePopulationAndFollowEachOther() {
        HealthReport report = service.health("exp_price");
        List<HealthReport.Day> days = report.days();

        // R: exp_price units 1499 crossovers 5 invalid 4; 2026-03-06 35 23 22 p=0.5286123043 cross 1 invalid 1
        assertThat(days.stream().mapToLong(d -> d.counts().totalUnits()).sum()).isEqualTo(1499);
        assertThat(days.stream().mapToLong(d -> d.counts().crossoverUnits()).sum()).isEqualTo(5);
        assertThat(days.stream().mapToLong(d -> d.counts().invalidExposures()).sum()).isEqualTo(4);
        assertThat(days.get(1).counts()).isEqualTo(new DailyPopulation(LocalDate.of(2026, 3, 6),
                Map.of("control", 35L, "price_up_1", 23L, "price_up_2", 22L), 1, 1));
        assertThat(days.get(1).srm().pValue()).isCloseTo(0.5286123043, within(P_TOLERANCE));
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i).counts().date()).isEqualTo(days.get(i - 1).counts().date().plusDays(1));
        }
    }

    @Test
    void checksTheSplitOfEveryValueOfEveryDimension() {
        HealthReport report = service.health("exp_autoplay");

        assertThat(report.segments()).extracting(HealthReport.Segment::dimension).containsOnly("country", "device", "plan");
        for (String dimension : List.of("country", "device", "plan")) {
            assertThat(report.segments().stream().filter(s -> s.dimension().equals(dimension))
                    .mapToLong(s -> s.units().values().stream().mapToLong(Long::longValue).sum()).sum())
                    .as(dimension).isEqualTo(1760);
        }
        // R: tablet 72 92 p=0.1183498127; unknown 20 16 p=0.5049850751
        HealthReport.Segment tablet = segment(report, "device", "tablet");
        assertThat(tablet.units()).containsExactly(Map.entry("control", 72L), Map.entry("previews", 92L));
        assertThat(tablet.srm().pValue()).isCloseTo(0.1183498127, within(P_TOLERANCE));
        assertThat(segment(report, "device", "unknown").srm().pValue()).isCloseTo(0.5049850751, within(P_TOLERANCE));
    }

    private static HealthReport.Segment segment(HealthReport report, String dimension, String value) {
        return report.segments().stream().filter(s -> s.dimension().equals(dimension) && s.value().equals(value))
                .findFirst().orElseThrow();
    }

    @Test
    void anExperimentNobodyIsExposedToSaysSoWithoutChecks(@TempDir Path folder) {
        try (AnalysisService waiting = AnalysisService.open(ProjectFile.load(WaitingProject.writeTo(folder)))) {
            HealthReport report = waiting.health("no_exposures");

            assertThat(report.status()).isEqualTo(HealthReport.Status.NO_UNITS);
            assertThat(report.days()).isEmpty();
            assertThat(report.segments()).isEmpty();
            assertThat(report.srm().pValue()).isNaN();
        }
    }
}
