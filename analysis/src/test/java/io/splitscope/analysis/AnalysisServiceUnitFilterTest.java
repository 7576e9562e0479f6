package io.splitscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.Metric;
import io.splitscope.metrics.UnitFilter;
import io.splitscope.metrics.project.ProjectFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment's {@code unit_filter} ({@code spec/metric-types.md}) holds for every metric the
 * service analyses in it, together with the metric's own.
 */
class AnalysisServiceUnitFilterTest {

    private static final String PROJECT = """
            version: 2
            warehouse: ./data
            sources:
              users: {table: users, unit: user_id}
              assignments: {table: assignment_log, unit: user_id, timestamp: assigned_at}
              orders: {table: orders, unit: user_id, timestamp: created_at}
            assignments:
              web: {source: assignments, experiment: experiment, variant: variant}
            dimensions:
              country: {source: users, column: country}
              plan: {source: users, column: plan}
            experiments:
              checkout: {assignment: web, variants: [control, treatment], start: 2026-05-01, end: 2026-05-28,
                         unit_filter: "country = 'de'"}
            metrics:
              revenue: {source: orders, type: mean, value: amount, window: 7d, unit_filter: "plan <> 'free'"}
              buyers: {source: orders, type: proportion, window: 7d}
            """;

    @TempDir
    Path folder;

    @Test
    void restrictsEveryMetricOfTheExperiment() throws IOException {
        Path data = Files.createDirectories(folder.resolve("data"));
        Files.writeString(data.resolve("assignment_log.csv"), """
                user_id,experiment,variant,assigned_at
                u1,checkout,control,2026-05-02 10:00:00
                u2,checkout,treatment,2026-05-02 11:00:00
                """);
        Files.writeString(data.resolve("orders.csv"), "user_id,created_at,amount\nu1,2026-05-02 12:00:00,10.0\n");
        Files.writeString(data.resolve("users.csv"), "user_id,country,plan\nu1,de,free\nu2,fr,pro\n");
        try (AnalysisService service = AnalysisService.open(ProjectFile.load(Files.writeString(folder.resolve("splitscope.yaml"),
                PROJECT)))) {
            List<Metric> metrics = service.defaultMetrics("checkout");

            assertThat(metrics).extracting(Metric::id).containsExactly("revenue", "buyers");
            assertThat(metrics).extracting(metric -> metric.unitFilter().text())
                    .containsExactly("(country = 'de') and (plan <> 'free')", "country = 'de'");
            assertThat(metrics.getLast().unitFilter().dimensions()).extracting(d -> d.id()).containsExactly("country");
            assertThat(service.metrics()).extracting(Metric::unitFilter).extracting(f -> f == null ? null : f.text())
                    .containsExactly("plan <> 'free'", null);
        }
    }
}
