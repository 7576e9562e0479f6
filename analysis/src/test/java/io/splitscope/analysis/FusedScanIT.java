package io.splitscope.analysis;

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
 * On a 1,000,000-member warehouse, the query log of one full analysis on DuckDB shows that every
 * metric over playback, the quantiles included, comes from one scan returning one row per variant,
 * and that only the quantile metrics' events (as lists inside those rows) bring volume into the JVM.
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
    void computesEveryPlaybackMetricInOneScanReturningOneRowPerVariant() {
        List<QueryLog.Entry> playback = queriesReading("playback");

        // streaming_hours, plays_per_member, active_days, play_rate, rebuffer_rate, and the events
        // that startup_ms_p50 and startup_ms_p90 share.
        assertThat(playback).hasSize(1);
        QueryLog.Entry fused = playback.getFirst();
        assertThat(fused.sql()).contains("streaming_hours__sum", "plays_per_member__sum", "active_days__sum", "play_rate__sum",
                "rebuffer_rate__num_sum", "startup_ms_p50__events").doesNotContain("startup_ms_p90");
        assertThat(fused.sql().split("\"playback\"", -1)).as("scans of playback in the fused query").hasSize(2);
        assertThat(fused.rows()).as("rows into the JVM").isEqualTo(2);
    }

    @Test
    void bringsVolumeOnlyForTheQuantilesEvents() {
        long units = scorecard.population().totalUnits();
        for (QueryLog.Entry query : scorecard.queries()) {
            // One row per variant; the population summary adds one for the units it excludes.
            assertThat(query.rows()).as(query.sql()).isLessThanOrEqualTo(3);
            if (query.sql().contains("__events")) {
                // at least one session per exposed unit's window on average, 8 bytes each
                assertThat(query.bytes()).as("events of the quantile metrics").isGreaterThan(units * Double.BYTES);
            } else {
                assertThat(query.bytes()).as(query.sql()).isLessThan(10_000);
            }
        }
        assertThat(units).isGreaterThan(400_000);
    }
}
