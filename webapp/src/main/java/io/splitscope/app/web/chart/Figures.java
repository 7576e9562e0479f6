package io.splitscope.app.web.chart;

/** Builds Plotly figures (placeholder while the figures are written). */
public final class Figures {

    private Figures() {
    }
}
