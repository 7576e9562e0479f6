package io.splitscope.app.api;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.metrics.DidYouMean;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The metric catalog the app analyses, for clients that label or group scorecard rows themselves:
 * {@code GET /api/metrics} (every metric, in catalog order) and {@code GET /api/metrics/{id}} (one;
 * 404 for an id the catalog does not have). A metric reads:
 *
 * <pre>{@code
 * {"id": "play_rate", "title": "Play rate", "description": "Share of members ...", "type": "proportion",
 *  "kind": "proportion", "direction": "higher_is_better", "guardrail": false, "source": "playback",
 *  "window": {"text": "7 d", "length_hours": 168, "delay_hours": 0}, "eligibility": "elapsed",
 *  "funnel_steps": null}
 * }</pre>
 *
 * {@code window} and {@code eligibility} are null for a metric whose source has no timestamps;
 * {@code funnel_steps} lists a funnel's step names in order (its scorecard rows are
 * {@code <id>.step<j>} and {@code <id>.step<j>_of_<j-1>}), null for any other metric.
 */
@RestController
@RequestMapping("/api")
public final class MetricsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AnalysisService analysis;

    /** Built by Spring. */
    public MetricsApi(AnalysisService analysis) {
        this.analysis = analysis;
    }

    /** {@code GET /api/metrics}. */
    @GetMapping(value = "/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    public String metrics() {
        ArrayNode list = JSON.createArrayNode();
        analysis.metrics().forEach(metric -> list.add(json(metric)));
        return JSON.writeValueAsString(list);
    }

    /** {@code GET /api/metrics/{id}}. */
    @GetMapping(value = "/metrics/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public String metric(@PathVariable String id) {
        List<Metric> metrics = analysis.metrics();
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst().map(m -> JSON.writeValueAsString(json(m)))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown metric '" + id + "'"
                        + DidYouMean.suffix(id, metrics.stream().map(Metric::id).toList())));
    }

    /** One metric as the API gives it. */
    static ObjectNode json(Metric metric) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", metric.id());
        node.put("title", metric.title());
        node.put("description", metric.description());
        node.put("type", metric.type().jsonName());
        node.put("kind", metric.kind().jsonName());
        node.put("direction", metric.direction().jsonName());
        node.put("guardrail", metric.guardrail());
        node.put("source", metric.source().id());
        node.put("unit", metric.unit() == null ? null : metric.unit().symbol());
        node.put("currency", metric.unit() == null ? null : metric.unit().currency());
        if (metric.windowed()) {
            node.putObject("window").put("text", metric.windowText()).put("length_hours", metric.window().length().toHours())
                    .put("delay_hours", metric.window().delayHours());
            node.put("eligibility", metric.eligibility().jsonName());
        } else {
            node.putNull("window");
            node.putNull("eligibility");
        }
        if (metric.measure() instanceof Measure.Funnel funnel) {
            ArrayNode steps = node.putArray("funnel_steps");
            funnel.steps().forEach(step -> steps.add(step.name()));
        } else {
            node.putNull("funnel_steps");
        }
        return node;
    }
}
