package io.splitscope.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.ReferenceScorecards;
import io.splitscope.app.cli.CommandLineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's worked example, "Point Splitscope at your warehouse": the README shows the very
 * project file of {@code docs/example-project}, and the numbers it quotes are what
 * {@code analyze --project} prints.
 */
class ExampleProjectTest {

    private static final Path EXAMPLE = Path.of("../docs/example-project");
    private static final double TOLERANCE = 1e-12;

    @Test
    void theReadmeShowsTheExampleProjectFile() throws IOException {
        assertThat(Files.readString(Path.of("../README.md"))).contains(Files.readString(EXAMPLE.resolve("splitscope.yaml")));
    }

    @Test
    void analysesTheExampleAsTheReadmeSays() {
        CommandLineRun run = CommandLineRun.of("analyze", "--project", EXAMPLE.resolve("splitscope.yaml").toString(),
                "--experiment", "new_checkout", "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode scorecard = new JsonMapper().readTree(run.stdout());
        assertThat(scorecard.get("population").get("units").toString()).isEqualTo("{\"control\":6,\"treatment\":6}");
        JsonNode conversion = scorecard.get("results").get(0);
        JsonNode revenue = scorecard.get("results").get(1);
        // docs/example-project/reference.R (R 4.2.2): t.test(conversion_treatment, conversion_control)
        close(conversion, "control_value", 0.33333333333333331);
        close(conversion, "treatment_value", 0.66666666666666663);
        close(conversion, "p_value", 0.28969161205101);
        close(conversion, "absolute_ci_low", -0.33096932484662017);
        // and t.test(revenue_treatment, revenue_control)
        close(revenue, "control_value", 12.583333333333334);
        close(revenue, "treatment_value", 32.5);
        close(revenue, "p_value", 0.21192225841976);
        close(revenue, "absolute_ci_high", 53.529246916578302);
    }

    @Test
    void checksTheColumnsItNamesBeforeAnyQuery(@TempDir Path copy) throws IOException {
        for (String file : List.of("assignments.csv", "orders.csv", "users.csv")) {
            Files.createDirectories(copy.resolve("data"));
            Files.copy(EXAMPLE.resolve("data").resolve(file), copy.resolve("data").resolve(file));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(EXAMPLE.resolve("splitscope.yaml")));
        int value = lines.indexOf("    value: amount");
        lines.set(value, "    value: amout");
        Files.write(copy.resolve("splitscope.yaml"), lines);

        CommandLineRun run = CommandLineRun.of("analyze", "--project", copy.resolve("splitscope.yaml").toString(),
                "--experiment", "new_checkout");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).contains("splitscope: error: splitscope.yaml:" + (value + 1)
                + ": metrics.revenue.value: source 'orders' has no column 'amout' (did you mean 'amount'?)");
        assertThat(run.stdout()).isEmpty();
    }

    /** R prints 14 significant digits for the p-values: they are compared to that. */
    private static void close(JsonNode row, String field, double expected) {
        double tolerance = field.equals("p_value") ? 1e-13 / Math.abs(expected) : TOLERANCE;
        ReferenceScorecards.assertRelativelyClose(row.get("metric").asString() + " " + field, row.get(field),
                new tools.jackson.databind.node.DoubleNode(expected), tolerance);
    }
}
