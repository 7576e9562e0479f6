package io.splitscope.metrics.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.Measure;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.population.Population;
import io.splitscope.metrics.project.CheckReport.ExperimentReport;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.Warehouses;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The "unseen" project (a copy of webapp's test fixture {@code projects/unseen}: a warehouse
 * Splitscope was not written for) loads and checks with no mistake.
 */
class UnseenProjectTest {

    private static Path file() throws URISyntaxException {
        return Path.of(UnseenProjectTest.class.getResource("/projects/unseen/splitscope.yaml").toURI());
    }

    @Test
    void loadsWithoutMistakes() throws URISyntaxException {
        CompiledProject compiled = ProjectFile.read(file(), Map.<String, String>of()::get, List.of());
        assertThat(compiled.errors()).isEmpty();
        Project project = compiled.orThrow();
        assertThat(project.sources()).extracting(s -> s.id()).containsExactly(
                "assignments", "orders", "paid_orders", "page_views", "users", "survey", "static");
        assertThat(project.metrics().all()).hasSize(8);
        assertThat(project.metrics().byId("promoter_rate").measure()).isInstanceOfSatisfying(Measure.Proportion.class,
                p -> assertThat(p.value()).isInstanceOf(UnitValue.Positive.class));
        assertThat(project.metrics().byId("nps").window()).isNull();
    }

    @Test
    void checksWithoutMistakes() throws URISyntaxException {
        CompiledProject compiled = ProjectFile.read(file(), Map.<String, String>of()::get, List.of());
        try (BufferAllocator allocator = new RootAllocator();
             Warehouse warehouse = Warehouses.open(compiled.project().warehouse(), List.of())) {
            CheckResult result = ProjectCheck.run(compiled, warehouse, allocator);
            assertThat(result.errors()).isEmpty();
            assertThat(result.report().sources()).allSatisfy(source -> {
                assertThat(source.unitType()).isEqualTo(UnitType.STRING);
                assertThat(source.rows()).isPositive();
                assertThat(source.units()).isPositive().isLessThanOrEqualTo(source.rows());
            });
            // the populations of the independent R reference (expected/*.json of the fixture), which does not count rows
            assertThat(result.report().experiments()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                    "population.exposureRows").containsExactly(
                    new ExperimentReport("banner_test", "web", false, LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 26),
                            new Population(Map.of("control", 148L, "treatment", 149L), 3, 1)),
                    new ExperimentReport("checkout_v2", "web", true, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 28),
                            new Population(Map.of("control", 219L, "one page", 107L, "two pages", 118L), 6, 7)),
                    new ExperimentReport("pricing_page", "static", true, null, null,
                            new Population(Map.of("A", 207L, "B", 210L), 3, 2)));
            assertThat(result.report().experiments().get(1).population().units().keySet())
                    .containsExactly("control", "one page", "two pages");
        }
    }
}
