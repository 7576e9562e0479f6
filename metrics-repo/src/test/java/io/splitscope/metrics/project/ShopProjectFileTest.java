package io.splitscope.metrics.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.Window;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.metrics.experiment.DeclaredExperiments;
import io.splitscope.metrics.population.Population;
import io.splitscope.metrics.project.CheckReport.ExperimentReport;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.Warehouses;
import io.splitscope.sql.generate.OutputFormat;
import io.splitscope.sql.generate.ShopGenerator;
import io.splitscope.sql.generate.ShopSettings;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project file that {@code generate --shop} writes beside the shop's tables is valid
 * ({@code spec/project.md}) and describes them: it loads with no mistake, and {@code check} finds
 * in the warehouse the populations of the independent R reference ({@code shop-reference/} in the
 * sql module's tests: 2,000 users, seed 7).
 */
class ShopProjectFileTest {

    @TempDir
    static Path shop;

    @BeforeAll
    static void generate() {
        new ShopGenerator().generate(new ShopSettings(2_000, 7, OutputFormat.CSV), shop);
    }

    private static CompiledProject read() {
        // without the example Java catalog of this module's tests
        return ProjectFile.read(shop.resolve(ShopGenerator.PROJECT_FILE), Map.<String, String>of()::get, List.of());
    }

    @Test
    void loadsWithNoMistake() {
        CompiledProject compiled = read();
        assertThat(compiled.errors()).isEmpty();
        Project project = compiled.orThrow();
        assertThat(project.metrics().all().stream().map(Metric::id))
                .containsExactly("conversion", "revenue", "orders_per_user", "refund_rate", "order_value_p50", "pages_viewed",
                        "retention_d1", "retention_d7", "checkout_funnel", "order_within_24h");
    }

    @Test
    void declaresExamplesOfTheLaterMetricTypes() {
        Project project = read().orThrow();
        Metric dayOne = project.metrics().byId("retention_d1");
        assertThat(dayOne.kind()).isEqualTo(MetricKind.RETENTION);
        assertThat(dayOne.window()).isEqualTo(Window.between(Duration.ofDays(1), Duration.ofDays(2)));
        assertThat(project.metrics().byId("retention_d7").description())
                .isEqualTo("Share of units with a page_views row 7 to 8 days after first exposure.");
        Metric funnel = project.metrics().byId("checkout_funnel");
        assertThat(((Measure.Funnel) funnel.measure()).steps()).extracting(Measure.Funnel.Step::name)
                .containsExactly("product", "cart", "checkout");
        assertThat(funnel.window()).isEqualTo(Window.days(7));
        assertThat(funnel.scorecardMetrics()).extracting(Metric::id).containsExactly("checkout_funnel.step1",
                "checkout_funnel.step2", "checkout_funnel.step2_of_1", "checkout_funnel.step3", "checkout_funnel.step3_of_2");
        Metric order = project.metrics().byId("order_within_24h");
        assertThat(order.kind()).isEqualTo(MetricKind.CONVERSION);
        assertThat(order.window()).isEqualTo(Window.hours(24));
        Map<String, List<String>> listed = new LinkedHashMap<>();
        ((DeclaredExperiments) project.experiments()).declared().forEach(x -> listed.put(x.id(), x.metricIds()));
        assertThat(listed.get("recommendations")).endsWith("retention_d1", "retention_d7", "checkout_funnel");
        assertThat(listed.get("free_shipping")).endsWith("pages_viewed", "checkout_funnel");
        assertThat(listed.get("new_checkout")).endsWith("pages_viewed");
    }

    @Test
    void declaresTheDecisionPlans() {
        Map<String, DecisionPlan> plans = new LinkedHashMap<>();
        ((DeclaredExperiments) read().orThrow().experiments()).declared().forEach(x -> plans.put(x.id(), x.decisionPlan()));
        assertThat(plans).containsExactly(Map.entry("new_checkout", refundsGuarded("conversion")),
                Map.entry("free_shipping", refundsGuarded("revenue")),
                Map.entry("recommendations", refundsGuarded("pages_viewed")));
    }

    /** {@code success} as success metric, the refund rate allowed to rise by a quarter, mde 10 %, power 0.8. */
    private static DecisionPlan refundsGuarded(String success) {
        return DecisionPlan.builder().success(success).guardrail("refund_rate", "+25%").mde(0.10).power(0.8).build();
    }

    @Test
    void checkFindsThePopulationsOfTheReference() throws Exception {
        CheckResult result;
        try (BufferAllocator allocator = new RootAllocator();
                Warehouse warehouse = Warehouses.open(shop.toString(), List.of())) {
            result = ProjectCheck.run(read(), warehouse, allocator);
        }
        assertThat(result.errors()).isEmpty();
        Map<String, ExperimentReport> experiments = new LinkedHashMap<>();
        result.report().experiments().forEach(experiment -> experiments.put(experiment.id(), experiment));
        assertThat(experiments.keySet()).containsExactlyInAnyOrder("new_checkout", "free_shipping", "recommendations");
        assertThat(experiments.values()).allSatisfy(experiment -> assertThat(experiment.declared()).isTrue());
        assertThat(experiments.get("new_checkout").startDate()).isEqualTo(LocalDate.of(2026, 5, 4));
        for (ExperimentReport experiment : experiments.values()) {
            // the reference does not count exposure rows
            assertThat(experiment.population()).as(experiment.id()).usingRecursiveComparison()
                    .ignoringFields("exposureRows").isEqualTo(expected(experiment.id()));
        }
    }

    /** The population of {@code shop-reference/expected/ID.json}, read with DuckDB's JSON functions. */
    private static Population expected(String experiment) throws Exception {
        String json;
        try (InputStream in = ShopProjectFileTest.class.getResourceAsStream("/shop-reference/expected/" + experiment + ".json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Long> units = new LinkedHashMap<>();
        long crossovers;
        long invalid;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE expected AS SELECT '" + json.replace("'", "''") + "'::JSON AS j");
            try (ResultSet rows = statement.executeQuery("SELECT k, json_extract(j, '$.population.units.\"' || k || '\"')::BIGINT"
                    + " FROM (SELECT j, unnest(json_keys(j, '$.population.units')) AS k FROM expected)")) {
                while (rows.next()) {
                    units.put(rows.getString(1), rows.getLong(2));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT json_extract(j, '$.population.crossover_units')::BIGINT,"
                    + " json_extract(j, '$.population.invalid_exposures')::BIGINT FROM expected")) {
                rows.next();
                crossovers = rows.getLong(1);
                invalid = rows.getLong(2);
            }
        }
        return new Population(units, crossovers, invalid);
    }
}
