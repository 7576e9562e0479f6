package io.splitscope.app.project;

import io.splitscope.analysis.ReferenceScorecards;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.json.ScorecardJson;
import io.splitscope.metrics.project.ProjectFile;
import io.splitscope.sql.generate.ShopGenerator;
import io.splitscope.sql.generate.ShopSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop demo ({@code generate --shop}: string ids, an assignment log of three experiments with
 * its own column names, a planted sample-ratio mismatch) analysed through its generated project
 * file reproduces the scorecards of the independent R implementation in the sql module's test
 * resources ({@code shop-reference/reference.R}, R 4.2.2, on the same 2,000 users, seed 7, CSV;
 * tolerances of {@link ReferenceScorecards}).
 */
class ShopProjectTest {

    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    static Path shop;

    private static AnalysisService service;

    @BeforeAll
    static void generate() {
        new ShopGenerator().generate(ShopSettings.of(2_000, 7, "csv"), shop);
        service = AnalysisService.open(ProjectFile.load(shop.resolve(ShopGenerator.PROJECT_FILE)));
    }

    @AfterAll
    static void close() {
        if (service != null) {
            service.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"new_checkout", "free_shipping", "recommendations"})
    void reproducesTheReferenceScorecard(String experiment) throws IOException {
        JsonNode expected;
        try (InputStream in = ShopProjectTest.class.getResourceAsStream("/shop-reference/expected/" + experiment + ".json")) {
            expected = JSON.readTree(in);
        }
        // the reference's metrics (the project file has more); as JSON text, as analyze --format json
        // prints it, and read back like the reference
        AnalysisRequest request = AnalysisRequest.of(experiment).withMetrics(ReferenceScorecards.metrics(expected));
        JsonNode actual = JSON.readTree(ScorecardJson.write(service.analyze(request)));

        ReferenceScorecards.assertReproduces(actual, expected);
    }
}
