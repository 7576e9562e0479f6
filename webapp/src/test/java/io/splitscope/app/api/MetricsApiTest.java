package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.Window;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metric catalog as {@link MetricsApi} gives it, without a server, on the golden warehouse (the streaming preset). */
class MetricsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AnalysisService analysis;
    private static MetricsApi api;

    @BeforeAll
    static void open() {
        analysis = AnalysisService.open(GoldenWarehouse.folder().toString());
        api = new MetricsApi(analysis);
    }

    @AfterAll
    static void close() {
        analysis.close();
    }

    @Test
    void listsEveryMetricOfTheCatalogInItsOrder() {
        JsonNode list = JSON.readTree(api.metrics());

        List<String> ids = new ArrayList<>();
        list.forEach(metric -> ids.add(metric.get("id").asString()));
        assertThat(ids).isEqualTo(analysis.metrics().stream().map(Metric::id).toList())
                .contains("streaming_hours", "play_rate", "startup_ms_p90", "retention_d7");
    }

    @Test
    void aMetricSaysItsDirectionWindowAndWhetherItIsAGuardrail() {
        // StandardMetrics: play_rate is a 7-day proportion, higher is better; startup_ms_p90 a lower-is-better guardrail
        JsonNode playRate = JSON.readTree(api.metric("play_rate"));
        JsonNode startup = JSON.readTree(api.metric("startup_ms_p90"));

        assertThat(playRate.propertyNames()).containsExactly("id", "title", "description", "type", "kind", "direction",
                "guardrail", "source", "unit", "currency", "window", "eligibility", "funnel_steps");
        assertThat(playRate.get("title").asString()).isEqualTo("Play rate");
        assertThat(playRate.get("type").asString()).isEqualTo("proportion");
        assertThat(playRate.get("direction").asString()).isEqualTo("higher_is_better");
        assertThat(playRate.get("guardrail").asBoolean()).isFalse();
        assertThat(playRate.get("source").asString()).isEqualTo("playback");
        assertThat(playRate.get("window").toString()).isEqualTo("{\"text\":\"7 d\",\"length_hours\":168,\"delay_hours\":0}");
        assertThat(playRate.get("eligibility").asString()).isEqualTo("elapsed");
        assertThat(playRate.get("funnel_steps").isNull()).isTrue();
        assertThat(startup.get("direction").asString()).isEqualTo("lower_is_better");
        assertThat(startup.get("guardrail").asBoolean()).isTrue();
        assertThat(startup.get("type").asString()).isEqualTo("quantile");
        // StandardMetrics: startup times in ms, revenue in USD, a proportion in neither
        assertThat(startup.get("unit").asString()).isEqualTo("ms");
        assertThat(startup.get("currency").isNull()).isTrue();
        assertThat(JSON.readTree(api.metric("revenue_per_member")).get("currency").asString()).isEqualTo("USD");
        assertThat(playRate.get("unit").isNull()).isTrue();
    }

    @Test
    void aRetentionSaysItsDelayedWindow() {
        // retention_d7: rows 7 to 8 days after first exposure
        JsonNode retention = JSON.readTree(api.metric("retention_d7"));

        assertThat(retention.get("kind").asString()).isEqualTo("retention");
        assertThat(retention.get("window").get("length_hours").asLong()).isEqualTo(24);
        assertThat(retention.get("window").get("delay_hours").asLong()).isEqualTo(168);
    }

    @Test
    void aFunnelListsItsStepsInOrder() {
        Source pageViews = new Source("page_views", new Source.TableRelation("page_views"), "user_key", "viewed_at");
        Metric funnel = Metric.define("checkout_funnel").title("Checkout funnel").description("Browse, cart, checkout.")
                .from(pageViews).funnel(step(pageViews, "browse"), step(pageViews, "cart"), step(pageViews, "checkout"))
                .window(Window.days(7)).higherIsBetter().build();

        JsonNode json = MetricsApi.json(funnel);

        assertThat(json.get("kind").asString()).isEqualTo("funnel");
        assertThat(json.get("funnel_steps").toString()).isEqualTo("[\"browse\",\"cart\",\"checkout\"]");
    }

    private static Measure.Funnel.Step step(Source source, String page) {
        return Measure.Funnel.Step.of(page, source.column("page", SQLDataType.VARCHAR).eq(page));
    }

    @Test
    void anUnknownMetricIsNotFoundWithTheNearestIdSuggested() {
        assertThatThrownBy(() -> api.metric("play_rat"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND))
                .hasMessage("unknown metric 'play_rat' (did you mean 'play_rate'?)");
    }
}
