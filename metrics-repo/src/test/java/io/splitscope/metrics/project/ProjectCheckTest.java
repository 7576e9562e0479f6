package io.splitscope.metrics.project;

import static io.splitscope.metrics.project.TestProjects.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.population.Population;
import io.splitscope.metrics.project.CheckReport.ExperimentReport;
import io.splitscope.metrics.project.CheckReport.SourceReport;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.Warehouses;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCheckTest {

    /** A source over the visits file, whose unit ids are strings; spliced in after line 14. */
    private static final String VISITS_SOURCE = "    unit: id\n  visits:\n    table: visits\n    unit: visitor\n"
            + "    timestamp: visited_at";

    @TempDir
    Path folder;
    private BufferAllocator allocator;

    @BeforeEach
    void allocate() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void release() {
        allocator.close();
    }

    private CheckResult check(String yaml) {
        // without the example Java catalog of this module's tests (its own test below)
        CompiledProject compiled = ProjectFile.read(TestProjects.write(folder, yaml), Map.<String, String>of()::get, List.of());
        return check(compiled);
    }

    private CheckResult check(CompiledProject compiled) {
        try (Warehouse warehouse = Warehouses.open(folder.resolve("data").toString(), List.of())) {
            return ProjectCheck.run(compiled, warehouse, allocator);
        }
    }

    private List<String> errors(String yaml) {
        CheckResult result = check(yaml);
        assertThat(result.report()).isNull();
        return result.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void reportsRowsUnitsAndUnitsPerVariant() {
        CheckResult result = check(TestProjects.VALID);
        assertThat(result.errors()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.report().sources()).containsExactly(
                new SourceReport("assignments", 10, 8, UnitType.INTEGER, 0, "table assignment_log, column user_id"),
                new SourceReport("orders", 4, 3, UnitType.INTEGER, 0, "table orders, column user_id"),
                new SourceReport("users", 4, 4, UnitType.INTEGER, 0, "table users, column id"));
        // banner (discovered) started later, so it comes first; exposure rows: the log's 2 banner and 8 checkout-v2 rows
        assertThat(result.report().experiments()).containsExactly(
                new ExperimentReport("banner", "web", false, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2),
                        new Population(Map.of("big", 1L, "control", 1L), 0, 0, 2L, null)),
                new ExperimentReport("checkout", "web", true, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 28),
                        new Population(Map.of("old", 2L, "new", 3L), 1, 0, 8L, null)));
        assertThat(result.report().experiments().getFirst().population().units().keySet()).containsExactly("control", "big");
    }

    /**
     * Two assignment rows of checkout-v2 with an empty unit_id (NULL in a CSV file): they name
     * nobody, so the population is that of {@link #reportsRowsUnitsAndUnitsPerVariant} (old 2,
     * new 3; before, the NULL unit was one more unit of 'new') and check counts them in one line.
     */
    @Test
    void leavesRowsWithoutAUnitIdOutAndCountsThem() throws java.io.IOException {
        TestProjects.write(folder, TestProjects.VALID);
        java.nio.file.Files.writeString(folder.resolve("data/assignment_log.csv"),
                ",2026-05-02 09:00:00,checkout-v2,new\n,2026-05-03 09:00:00,checkout-v2,new\n",
                java.nio.file.StandardOpenOption.APPEND);

        CheckResult result = check(ProjectFile.read(folder.resolve("splitscope.yaml"), Map.<String, String>of()::get, List.of()));

        assertThat(result.errors()).isEmpty();
        SourceReport assignments = result.report().sources().getFirst();
        assertThat(assignments).isEqualTo(new SourceReport("assignments", 12, 8, UnitType.INTEGER, 2,
                "table assignment_log, column user_id"));
        assertThat(assignments.rowsWithoutUnitLine()).contains("source assignments (table assignment_log, column user_id):"
                + " 2 rows without a unit id (NULL or empty), left out of every population and metric");
        assertThat(result.report().experiments().getLast().population())
                .isEqualTo(new Population(Map.of("old", 2L, "new", 3L), 1, 0, 8L, null));
    }

    @Test
    void aTableThatDoesNotExist() {
        assertThat(errors(valid(9, "    table: order"))).singleElement().asString()
                .startsWith("splitscope.yaml:9: sources.orders.table: cannot read table 'order': Catalog Error: "
                        + "Table with name order does not exist!");
    }

    @Test
    void sqlThatFails() {
        assertThat(errors(valid(9, "    sql: select user_id, created_at from orders where")))
                .singleElement().asString()
                .startsWith("splitscope.yaml:9: sources.orders.sql: the SQL fails: Parser Error: syntax error");
    }

    @Test
    void missingColumns() {
        assertThat(errors(valid(10, "    unit: userid", 19, "    variant: variaton", 21,
                "  country: {source: users, column: contry}", 36, "    filter: stats = 'paid'"))).containsExactly(
                "splitscope.yaml:10: sources.orders.unit: source 'orders' has no column 'userid' (did you mean 'user_id'?)",
                "splitscope.yaml:19: assignments.web.variant: source 'assignments' has no column 'variaton' "
                        + "(did you mean 'variation'?)",
                "splitscope.yaml:21: dimensions.country.column: source 'users' has no column 'contry' (did you mean 'country'?)",
                "splitscope.yaml:36: metrics.purchase_rate.filter: source 'orders' has no column 'stats' (did you mean 'status'?)");
    }

    @Test
    void aTimestampThatIsNotATimeAndAUnitThatIsNoId() {
        assertThat(errors(valid(11, "    timestamp: status"))).containsExactly(
                "splitscope.yaml:11: sources.orders.timestamp: column 'status' is a string, not a timestamp or a date");
        assertThat(errors(valid(10, "    unit: amount"))).containsExactly(
                "splitscope.yaml:10: sources.orders.unit: unit column 'amount' is a double: unit ids are strings or integers");
    }

    @Test
    void unitTypesThatDifferInOneExperiment() {
        String yaml = valid(34, "    source: visits", 21, "  country: {source: visits, column: page}",
                14, VISITS_SOURCE);
        assertThat(errors(yaml.replace("    filter: status = 'paid'\n    window: 14d\n  revenue:",
                "    filter: page = 'home'\n    window: 14d\n  revenue:"))).containsExactly(
                "splitscope.yaml:34: experiments.checkout.metrics: metric 'purchase_rate' counts string units (source "
                        + "'visits', column 'visitor'), but assignment 'web' has integer units (source 'assignments', "
                        + "column 'user_id')",
                "splitscope.yaml:35: experiments.checkout.segments: dimension 'country' has string units (source "
                        + "'visits', column 'visitor'), but assignment 'web' has integer units (source 'assignments', "
                        + "column 'user_id')");
    }

    @Test
    void fileMistakesAndWarehouseMistakesAreListedTogether() {
        assertThat(errors(valid(10, "    unit: userid", 39, "    source: order"))).containsExactly(
                "splitscope.yaml:10: sources.orders.unit: source 'orders' has no column 'userid' (did you mean 'user_id'?)",
                "splitscope.yaml:39: metrics.revenue.source: no source 'order' (did you mean 'orders'?)");
    }

    @Test
    void theSourcesOfJavaCatalogsAreCheckedToo() {
        // BingeMetrics, listed in this module's test META-INF/services, reads a playback table this warehouse lacks
        CompiledProject compiled = ProjectFile.read(TestProjects.write(folder, TestProjects.VALID), Map.<String, String>of()::get);
        assertThat(check(compiled).errors()).singleElement().asString().startsWith(
                "splitscope.yaml: source 'playback' of Java metric 'long_sessions_per_member': cannot read table "
                        + "'playback': Catalog Error: Table with name playback does not exist!");
    }
}
