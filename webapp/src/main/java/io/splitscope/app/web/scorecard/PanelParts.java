package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import io.splitscope.metrics.Metric;
import java.util.List;

/** The parts the scorecard's panels are built from: captions, waiting states, chart areas, metric choices. */
final class PanelParts {

    private PanelParts() {
    }

    /** The sentence above a panel that says how to read it. */
    static Paragraph caption(String text) {
        Paragraph caption = new Paragraph(text);
        caption.addClassName("ss-lead");
        return caption;
    }

    /** A bar that moves without saying how far along: for work that does not report its progress. */
    static ProgressBar indeterminateProgress() {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.addClassName("ss-progress");
        return bar;
    }

    /** What is being computed, beside a progress bar. */
    static Span progressText(String text) {
        Span span = new Span(text);
        span.addClassName("ss-progress-text");
        return span;
    }

    /** An indeterminate bar and what is being computed, while the page waits for it. */
    static Component[] waiting(String text) {
        return new Component[] {indeterminateProgress(), progressText(text)};
    }

    /** Where a chart goes once it is computed. */
    static Div chartArea() {
        Div area = new Div();
        area.addClassName("ss-chart-area");
        return area;
    }

    /** A choice among {@code metrics} (not empty), on the first primary metric if there is one, else the first. */
    static Select<Metric> metricChoice(List<Metric> metrics, MetricGroups groups, String className) {
        Select<Metric> metric = new Select<>();
        metric.setLabel("Metric");
        metric.setItems(metrics);
        metric.setItemLabelGenerator(Metric::title);
        metric.setValue(metrics.stream().filter(m -> groups.groupOf(m.id()) == MetricGroups.Group.PRIMARY).findFirst()
                .orElse(metrics.getFirst()));
        metric.addClassName(className);
        return metric;
    }
}
