package io.splitscope.app.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FiguresTest {

    @Test
    void aDotWhiskerPlotHasATracePerColourHeadingsAsTicksAndClickKeys() {
        ObjectNode figure = Figures.dotWhisker(List.of(
                new Figures.Group("Primary metrics", List.of(
                        new Figures.Estimate("Streaming hours", 10.9, -2.3, 24.2, Figures.INCONCLUSIVE, "Inconclusive",
                                null, "streaming_hours/previews"))),
                new Figures.Group("Guardrails", List.of(
                        new Figures.Estimate("Startup p90 <ms>", -7.2, -11.6, -3.2, Figures.BETTER, "Better", null,
                                "startup_ms_p90/previews")))), "Relative effect", " %");

        JsonNode data = figure.get("data");
        assertThat(data.size()).isEqualTo(2);
        JsonNode first = data.get(0);
        assertThat(first.get("type").asString()).isEqualTo("scatter");
        assertThat(first.get("x").get(0).asDouble()).isEqualTo(10.9);
        assertThat(first.get("error_x").get("array").get(0).asDouble()).isCloseTo(13.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.get("error_x").get("arrayminus").get(0).asDouble()).isCloseTo(13.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.get("customdata").get(0).asString()).isEqualTo("streaming_hours/previews");
        assertThat(data.get(1).get("marker").get("color").asString()).isEqualTo(Figures.BETTER);

        JsonNode yAxis = figure.get("layout").get("yaxis");
        assertThat(yAxis.get("ticktext").toString()).contains("<b>Primary metrics</b>", "<b>Guardrails</b>",
                "Startup p90 &lt;ms&gt;");
        assertThat(yAxis.get("tickvals").size()).isEqualTo(4);
        assertThat(figure.get("layout").get("xaxis").get("ticksuffix").asString()).isEqualTo(" %");
    }

    @Test
    void aFunnelIsABarPerStepTheFirstOnTopWithItsInterval() {
        ObjectNode figure = Figures.funnel("control", Figures.SERIES.getFirst(), List.of(
                new Figures.Bar("browse", null, 60, 57.0, 63.0, "60 %", "browse"),
                new Figures.Bar("cart <b>", "50 % of browse", 30, null, null, "30 %", "cart")), "Share", " %", 70);

        JsonNode bars = figure.get("data").get(0);
        assertThat(bars.get("type").asString()).isEqualTo("bar");
        assertThat(bars.get("y").get(1).asString()).isEqualTo("cart &lt;b&gt;");
        assertThat(figure.get("layout").get("yaxis").get("ticktext").get(1).asString()).startsWith("<b>cart &lt;b&gt;</b><br>")
                .contains("50 % of browse");
        assertThat(bars.get("error_x").get("array").get(0).asDouble()).isEqualTo(3.0);
        assertThat(bars.get("error_x").get("arrayminus").get(1).isNull()).isTrue();
        assertThat(figure.get("layout").get("yaxis").get("autorange").asString()).isEqualTo("reversed");
        assertThat(figure.get("layout").get("title").get("text").asString()).isEqualTo("<b>control</b>");
    }

    @Test
    void missingNumbersBecomeNullsNotNaN() {
        ObjectNode figure = Figures.bands(List.of(new Figures.Band("previews", List.of(1, 2),
                java.util.Arrays.asList(1.0, Double.NaN), java.util.Arrays.asList(0.5, null), List.of(1.5, 2.0),
                List.of("a", "b"))), "Days", "linear", "Effect", " %");
        assertThat(figure.toString()).doesNotContain("NaN");
        assertThat(figure.get("data").get(2).get("y").get(1).isNull()).isTrue();
    }
}
