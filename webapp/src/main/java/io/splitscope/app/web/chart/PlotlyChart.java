package io.splitscope.app.web.chart;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HtmlComponent;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Plotly.js chart: the light-DOM custom element {@code <splitscope-plot>}
 * ({@code src/main/frontend/splitscope-plot.js}) drawing a figure given as JSON, exactly as Plotly
 * takes it ({@code {"data": [...], "layout": {...}, "config": {...}}}). Build figures with
 * {@link Figures}; this class knows nothing of what they show.
 *
 * <p>Plotly.js comes from npm ({@code plotly.js-basic-dist-min}: scatter, bar and pie traces with
 * error bars, a third of the full bundle) into Vaadin's production bundle. The chart draws itself
 * when it first has a width (so a chart in a hidden tab waits until it is shown) and follows its
 * box's size; Plotly renders into {@code svg.main-svg}.
 */
@Tag("splitscope-plot")
@NpmPackage(value = "plotly.js-basic-dist-min", version = "4.1.1")
@JsModule("./splitscope-plot.js")
public final class PlotlyChart extends HtmlComponent implements HasSize {

    /** An empty chart; give it a figure with {@link #setFigure}. */
    public PlotlyChart() {
        addClassName("ss-plot");
    }

    /** A chart of {@code figure}. */
    public PlotlyChart(ObjectNode figure) {
        this();
        setFigure(figure);
    }

    /** Draws {@code figure} (replacing the one drawn), see {@link Figures}. */
    public void setFigure(ObjectNode figure) {
        Objects.requireNonNull(figure, "figure");
        getElement().setProperty("figure", figure.toString());
    }

    /**
     * Listens for clicks on points that carry {@code customdata}: the event's
     * {@link PointClickEvent#getKey() key} is that value.
     */
    public Registration addPointClickListener(ComponentEventListener<PointClickEvent> listener) {
        return addListener(PointClickEvent.class, listener);
    }

    /** A click on a point of the chart; its key is the point's {@code customdata}. */
    @DomEvent("plot-click")
    public static final class PointClickEvent extends ComponentEvent<PlotlyChart> {

        private final String key;

        /** Built by Vaadin from the browser's event. */
        public PointClickEvent(PlotlyChart source, boolean fromClient, @EventData("event.detail") String key) {
            super(source, fromClient);
            this.key = key;
        }

        /** The clicked point's {@code customdata}. */
        public String getKey() {
            return key;
        }
    }
}
