package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.duckdb.DuckDbWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metric types on DuckDB against the independent reference of {@code src/test/resources/types}
 * ({@link MetricTypesReference}), and the reference itself: {@code reference.R} run for real
 * reproduces the checked-in {@code expected.csv}, so the two cannot drift apart.
 */
class MetricTypesReferenceTest {

    @Test
    void theFusedQueryGivesTheReferenceSumsOnDuckDb() {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(MetricTypesReference.folder(), MetricTypesReference.TABLES);
             BufferAllocator allocator = new RootAllocator()) {
            MetricTypesReference.assertMatchesTheReference(MetricTypesReference.statistics(warehouse, allocator));
        }
    }

    @Test
    void referenceRReproducesTheCheckedInExpectedSums(@TempDir Path temporary) throws IOException, InterruptedException {
        Path written = temporary.resolve("expected.csv");
        Process rscript = new ProcessBuilder("Rscript", "reference.R", ".", written.toString())
                .directory(MetricTypesReference.folder().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(rscript.getInputStream().readAllBytes());
        assertThat(rscript.waitFor(60, TimeUnit.SECONDS)).as("Rscript finishes").isTrue();

        assertThat(rscript.exitValue()).as(output).isZero();
        assertThat(Files.readString(written)).isEqualTo(Files.readString(MetricTypesReference.folder().resolve("expected.csv")));
    }
}
