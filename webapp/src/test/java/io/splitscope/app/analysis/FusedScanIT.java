package io.splitscope.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.generate.GeneratorSettings;
import io.splitscope.sql.generate.WarehouseGenerator;
import io.splitscope.sql.log.QueryLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a 1,000,000-member warehouse, the query log of one full analysis shows that every metric
 * over playback except the quantiles comes from one scan returning one row per variant, and that
 * only the quantile metrics bring event-level rows into the JVM.
 */
class FusedScanIT {

    private static final long MEMBERS = 1_000_000;
    private static final Path WAREHOUSE = Path.of("target", "warehouses", "members-1m-seed-7");
    private static Scorecard scorecard;

    @BeforeAll
    static void analyseOnce() throws Exception {
        if (!Files.exists(WAREHOUSE.resolve("playback.parquet"))) {
            Files.createDirectories(WAREHOUSE.getParent());
            new WarehouseGenerator().generate(GeneratorSettings.of(MEMBERS, 7, WAREHOUSE, "parquet"), line -> { });
        }
        try (AnalysisService service = AnalysisService.open(WAREHOUSE.toString())) {
            scorecard = service.analyze(AnalysisRequest.of("exp_autoplay"));
        }
    }

    private static List<QueryLog.Entry> queriesReading(String table) {
        return scorecard.queries().stream().filter(q -> q.sql().contains("\"" + table + "\"")).toList();
    }

    @Test
    void computesTheNonQuantilePlaybackMetricsInOneScanReturningOneRowPerVariant() {
        List<QueryLog.Entry> playback = queriesReading("playback");

        // One fused query for streaming_hours, plays_per_member, active_days, play_rate and rebuffer_rate,
        // one event-level query shared by startup_ms_p50 and startup_ms_p90.
        assertThat(playback).hasSize(2);
        QueryLog.Entry fused = playback.stream().filter(q -> q.sql().contains("rebuffer_rate__num_sum")).findFirst().orElseThrow();
        assertThat(fused.sql()).contains("streaming_hours__sum", "plays_per_member__sum", "active_days__sum", "play_rate__sum");
        assertThat(fused.sql().split("\"playback\"", -1)).as("scans of playback in the fused query").hasSize(2);
        assertThat(fused.rows()).as("rows into the JVM").isEqualTo(2);
    }

    @Test
    void bringsEventLevelRowsOnlyForQuantiles() {
        long units = scorecard.population().totalUnits();
        for (QueryLog.Entry query : scorecard.queries()) {
            if (query.sql().contains("\"startup_ms\"")) {
                assertThat(query.rows()).as("events of the quantile metrics").isGreaterThan(units);
            } else {
                // One row per variant; the population summary adds one for the units it excludes.
                assertThat(query.rows()).as(query.sql()).isLessThanOrEqualTo(3);
            }
        }
        assertThat(units).isGreaterThan(400_000);
    }
}
