package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.generate.GeneratorSettings;
import io.splitscope.sql.generate.WarehouseGenerator;
import io.splitscope.stats.methods.QuantileMethodRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a 10,000-member warehouse (about 2,900 units per arm of {@code exp_autoplay}, above N*), the
 * default scorecard compares the quantile metrics with {@code quantile_asymptotic}; asked for
 * {@code bootstrap_quantile}, with the bootstrap: the same percentiles, and intervals that agree
 * as {@code QuantileDefaultSimulationTest} says they do at this size.
 */
class QuantileDefaultIT {

    private static final Path WAREHOUSE = Path.of("target", "warehouses", "members-10k-seed-7");
    private static final List<String> QUANTILES = List.of("startup_ms_p50", "startup_ms_p90");
    private static Scorecard byDefault;
    private static Scorecard bootstrapped;

    @BeforeAll
    static void analyse() throws Exception {
        if (!Files.exists(WAREHOUSE.resolve("playback.parquet"))) {
            Files.createDirectories(WAREHOUSE.getParent());
            new WarehouseGenerator().generate(GeneratorSettings.of(10_000, 7, WAREHOUSE, "parquet"), line -> { });
        }
        try (AnalysisService service = AnalysisService.open(WAREHOUSE.toString())) {
            byDefault = service.analyze(new AnalysisRequest("exp_autoplay", QUANTILES, MeanMethod.WELCH_T, null));
            bootstrapped = service.analyze(new AnalysisRequest("exp_autoplay", QUANTILES, MeanMethod.BOOTSTRAP_QUANTILE, null));
        }
    }

    @Test
    void theDefaultIsTheAsymptoticIntervalAboveNStarAndTheBootstrapOnRequest() {
        assertThat(byDefault.rows()).hasSize(2).allSatisfy(row -> {
            assertThat(Math.min(row.nControl(), row.nTreatment())).isGreaterThanOrEqualTo(QuantileMethodRule.MIN_UNITS_PER_ARM);
            assertThat(row.method()).isEqualTo("quantile_asymptotic");
        });
        assertThat(bootstrapped.rows()).extracting(ScorecardRow::method).containsOnly("bootstrap_quantile");
        for (int i = 0; i < 2; i++) {
            var a = byDefault.rows().get(i).comparison();
            var b = bootstrapped.rows().get(i).comparison();
            assertThat(a.absoluteEffect()).isEqualTo(b.absoluteEffect());
            double width = b.absoluteCi().high() - b.absoluteCi().low();
            assertThat(Math.abs(a.absoluteCi().low() - b.absoluteCi().low())).isLessThan(0.15 * width);
            assertThat(Math.abs(a.absoluteCi().high() - b.absoluteCi().high())).isLessThan(0.15 * width);
        }
    }
}
