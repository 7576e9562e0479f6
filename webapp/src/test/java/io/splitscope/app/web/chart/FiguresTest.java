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
    void valuesBelowTheThresholdAreRedOnALogAxisWithTheThresholdDrawn() {
        ObjectNode figure = Figures.belowThreshold("p-value", List.of("2026-04-01", "2026-04-02", "2026-04-03"),
                java.util.Arrays.asList(0.41, 2e-5, null), List.of("a", "b", "c"), 0.001, "threshold 0.001",
                "Day", "date", "p-value");

        JsonNode trace = figure.get("data").get(0);
        assertThat(trace.get("y").get(1).asDouble()).isEqualTo(2e-5);
        assertThat(trace.get("y").get(2).isNull()).isTrue();
        assertThat(trace.get("marker").get("color").toString())
                .isEqualTo("[\"" + Figures.INCONCLUSIVE + "\",\"" + Figures.WORSE + "\",\"" + Figures.INCONCLUSIVE + "\"]");
        JsonNode layout = figure.get("layout");
        assertThat(layout.get("yaxis").get("type").asString()).isEqualTo("log");
        assertThat(layout.get("shapes").get(0).get("y0").asDouble()).isEqualTo(0.001);
        assertThat(layout.get("annotations").get(0).get("y").asDouble()).isCloseTo(-3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(layout.get("annotations").get(0).get("text").asString()).isEqualTo("threshold 0.001");
    }

    @Test
    void linesHaveAColourEachAndStartAtZero() {
        ObjectNode figure = Figures.lines(List.of(
                new Figures.Line("control", List.of("2026-04-01"), List.of(10.0), List.of("x")),
                new Figures.Line("ranked", List.of("2026-04-01"), List.of(7.0), List.of("y"))), "Day", "date", "New units");

        assertThat(figure.get("data").get(1).get("line").get("color").asString()).isEqualTo(Figures.SERIES.get(1));
        assertThat(figure.get("data").get(1).get("name").asString()).isEqualTo("ranked");
        assertThat(figure.get("layout").get("yaxis").get("rangemode").asString()).isEqualTo("tozero");
        assertThat(figure.get("layout").get("xaxis").get("type").asString()).isEqualTo("date");
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
