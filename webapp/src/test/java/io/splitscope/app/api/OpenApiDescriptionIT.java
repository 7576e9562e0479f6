package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description a real Splitscope serves at {@code /api/openapi.json} (on the golden
 * warehouse): it names exactly the {@code /api} routes Spring maps, so that it cannot drift from
 * the controllers, and its shapes are those of the real answers.
 */
class OpenApiDescriptionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path results;

    private static ConfigurableApplicationContext app;
    private static TestHttp http;
    private static JsonNode description;

    @BeforeAll
    static void start() {
        app = SplitscopeWebApplication.run(ServeSettings.of(GoldenWarehouse.folder().toString()).withPort(0)
                .withDemoUsers(true).withResultsLocation(results.toString()));
        http = TestHttp.to(TestHttp.base(app));
        description = JSON.readTree(http.get("/api/openapi.json", "viewer", "viewer").body());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void namesEveryMappedApiRouteAndNoOther() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : app.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String path : info.getPatternValues()) {
                    // "/api/**" is the fallback that answers any other path with a JSON 404, not a resource
                    if (path.startsWith("/api/") && !path.equals("/api/**")) {
                        assertThat(methods).as(path + " maps every HTTP method: name the ones it answers").isNotEmpty();
                        methods.forEach(method -> mapped.add(method.name() + " " + path));
                    }
                }
            }
        }
        Set<String> described = new TreeSet<>();
        description.get("paths").properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(mapped).contains("GET /api/metrics", "GET /api/metrics/{id}", "GET /api/openapi.json",
                "GET /api/experiments/{id}/scorecard", "POST /api/experiments/{id}/analyses");
        assertThat(described).as("the operations of src/main/resources" + OpenApiDescription.RESOURCE).isEqualTo(mapped);
    }

    @Test
    void isOpenApi31AndEveryReferenceResolves() {
        assertThat(description.get("openapi").asString()).isEqualTo("3.1.0");
        List<String> references = new ArrayList<>();
        collectReferences(description, references);
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(description.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        }
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asString());
        }
        node.forEach(child -> collectReferences(child, references));
    }

    @Test
    void theMetricSchemaHasTheFieldsOfTheRealAnswer() {
        JsonNode schema = description.at("/components/schemas/Metric");
        JsonNode playRate = JSON.readTree(http.get("/api/metrics/play_rate", "viewer", "viewer").body());

        assertThat(names(schema.get("required"))).isEqualTo(List.copyOf(playRate.propertyNames()));
        assertThat(List.copyOf(schema.get("properties").propertyNames())).isEqualTo(List.copyOf(playRate.propertyNames()));
        assertThat(names(description.at("/components/schemas/Direction/enum"))).contains(playRate.get("direction").asString());
    }

    @Test
    void everyFieldOfARealScorecardRowIsDescribedOrANumberOfTheMethod() {
        JsonNode schema = description.at("/components/schemas/ResultRow");
        JsonNode row = JSON.readTree(http.get("/api/experiments/exp_autoplay/scorecard", "viewer", "viewer").body())
                .get("results").get(0);
        Set<String> described = Set.copyOf(schema.get("properties").propertyNames());

        assertThat(row.propertyNames()).containsAll(names(schema.get("required"))).contains("direction", "verdict");
        row.properties().forEach(field -> assertThat(described.contains(field.getKey()) || field.getValue().isNumber())
                .as(field.getKey()).isTrue());
        assertThat(names(description.at("/components/schemas/Verdict/enum"))).contains(row.get("verdict").asString());
    }

    @Test
    void anUnknownMetricIsAJsonErrorOfTheDescribedShape() {
        HttpResponse<String> response = http.get("/api/metrics/nope", "viewer", "viewer");
        JsonNode error = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(List.copyOf(error.propertyNames()))
                .isEqualTo(names(description.at("/components/schemas/Error/required")));
        assertThat(error.get("message").asString()).isEqualTo("unknown metric 'nope'");
    }

    @Test
    void isServedToSignedInUsersOnly() {
        assertThat(http.get("/api/openapi.json").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/openapi.json", "analyst", "analyst").statusCode()).isEqualTo(200);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }
}
