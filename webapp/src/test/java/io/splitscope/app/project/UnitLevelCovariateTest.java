package io.splitscope.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.ReferenceScorecards;
import io.splitscope.app.cli.CommandLineRun;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.DoubleNode;

/**
 * CUPED with a declared unit-level covariate ({@code covariate: {source, value, aggregate}}, spec/project.md):
 * last year's spend from a users table, 0 for a user with an empty value or no row
 * ({@code src/test/resources/projects/covariate}).
 */
class UnitLevelCovariateTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void adjustsWithTheCovariateOfAnotherSource() throws URISyntaxException {
        Path project = Path.of(UnitLevelCovariateTest.class.getResource("/projects/covariate/splitscope.yaml").toURI());

        CommandLineRun run = CommandLineRun.of("analyze", "--project", project.toString(), "--experiment", "new_checkout",
                "--cuped", "--format", "json");

        assertThat(run.status()).as(run.stderr()).isZero();
        JsonNode row = new JsonMapper().readTree(run.stdout()).get("results").get(0);
        assertThat(row.get("method").asString()).isEqualTo("cuped");
        // projects/covariate/reference.R (R 4.2.2): theta = cov(y, x) / var(x) = 0.32548171723112046, then
        // t.test(adj_t, adj_c) on the adjusted values
        close(row, "control_value", 16.245002652183437);
        close(row, "treatment_value", 28.838330681149895);
        close(row, "p_value", 0.046405116348679269);
        close(row, "absolute_ci_low", 0.24918614996641544);
        close(row, "absolute_ci_high", 24.937469907966506);
    }

    private static void close(JsonNode row, String field, double expected) {
        ReferenceScorecards.assertRelativelyClose(field, row.get(field), new DoubleNode(expected), TOLERANCE);
    }
}
