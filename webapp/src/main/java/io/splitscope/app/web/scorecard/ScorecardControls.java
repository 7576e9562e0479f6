package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.app.web.common.Formats;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.analysis.MeanMethod;
import io.splitscope.metrics.Dimension;
import io.splitscope.stats.ConfidenceLevel;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The controls above a scorecard: the method for means and proportions, the segment (one dimension, or two
 * for their cross product), the confidence level, and the actions — re-run (analysts only), verify in R,
 * export as CSV or JSON. Made for one address.
 */
final class ScorecardControls extends Div {

    /** Null when the user may not re-run analyses. */
    private final Button rerun;

    /**
     * @param key        the scorecard's choices, as the address gives them
     * @param experiment the experiment, for the days its data can be analysed up to
     * @param dimensions what results can be sliced by
     * @param choose     opens the scorecard with other choices
     * @param rerun      re-runs the analysis; null when the user may not
     * @param verify     the verify-in-R action
     */
    ScorecardControls(Experiment experiment, ScorecardCache.Key key, List<Dimension> dimensions, Consumer<ScorecardCache.Key> choose,
                      Runnable rerun, VerifyInR verify) {
        Select<MeanMethod> method = new Select<>();
        method.setLabel("Method for means and proportions");
        method.setItems(MeanMethod.values());
        method.setItemLabelGenerator(m -> MethodTexts.of(m.methodId()).label());
        method.setValue(key.method());
        method.addClassName("ss-method");
        method.setHelperText(MethodTexts.of(key.method().methodId()).headline());
        method.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                choose.accept(key.withMethod(e.getValue()));
            }
        });

        // A segment by one dimension, and optionally a second one for their cross product (DE × mobile).
        List<String> segmentIds = key.request().segmentDimensions();
        Select<String> segment = new Select<>();
        segment.setLabel("Segment");
        segment.setItems(dimensions.stream().map(Dimension::id).toList());
        segment.setItemLabelGenerator(d -> d == null ? "Whole population" : "By " + d);
        segment.setEmptySelectionAllowed(true);
        segment.setEmptySelectionCaption("Whole population");
        segment.setValue(segmentIds.isEmpty() ? null : segmentIds.getFirst());
        segment.addClassName("ss-segment");
        segment.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                choose.accept(key.withSegmentBy(e.getValue()));
            }
        });
        Select<String> then = new Select<>();
        then.setLabel("And by");
        then.setItems(dimensions.stream().map(Dimension::id).filter(d -> segmentIds.isEmpty() || !d.equals(segmentIds.getFirst())).toList());
        then.setItemLabelGenerator(d -> d == null ? "Nothing else" : "× " + d);
        then.setEmptySelectionAllowed(true);
        then.setEmptySelectionCaption("Nothing else");
        then.setValue(segmentIds.size() < 2 ? null : segmentIds.get(1));
        then.setEnabled(!segmentIds.isEmpty());
        then.addClassName("ss-segment-then");
        then.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                choose.accept(key.withSegmentBy(e.getValue() == null ? segmentIds.getFirst()
                        : segmentIds.getFirst() + AnalysisRequest.SEGMENT_SEPARATOR + e.getValue()));
            }
        });

        Select<ConfidenceLevel> confidence = new Select<>();
        confidence.setLabel("Confidence");
        confidence.setItems(ConfidenceLevel.OFFERED);
        confidence.setItemLabelGenerator(ConfidenceLevel::toString);
        confidence.setValue(key.confidence());
        confidence.addClassName("ss-confidence");
        confidence.setHelperText("Of every interval");
        confidence.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                choose.accept(key.withConfidence(e.getValue()));
            }
        });

        Div actions = new Div();
        actions.addClassName("ss-actions");
        add(method, segment, then, confidence);
        if (experiment.timed()) {
            add(until(experiment, key, choose));
        }
        if (rerun != null) {
            this.rerun = new Button("Re-run analysis", VaadinIcon.REFRESH.create(), e -> rerun.run());
            this.rerun.addClassName("ss-rerun");
            this.rerun.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            this.rerun.getElement().setAttribute("title", "Analyse this experiment again on the warehouse as it is now");
            actions.add(this.rerun);
        } else {
            this.rerun = null;
            Span readOnly = new Span("Read-only: analysts can re-run analyses");
            readOnly.addClassNames("ss-muted", "ss-read-only");
            actions.add(readOnly);
        }
        actions.add(verify.button(), export(key, "CSV", "/scorecard.csv"), export(key, "JSON", "/scorecard"), verify.status());

        add(actions);
        addClassName("ss-controls");
    }

    /** The last day of data to analyse: any day of the period; empty for all of it. */
    private static DatePicker until(Experiment experiment, ScorecardCache.Key key, Consumer<ScorecardCache.Key> choose) {
        DatePicker until = new DatePicker("Data up to");
        until.setMin(experiment.startDate());
        until.setMax(experiment.endDate());
        until.setValue(key.until());
        until.setPlaceholder(Formats.date(experiment.endDate()));
        until.setClearButtonVisible(true);
        until.setHelperText(key.until() == null ? "The whole period" : "Not after this day; clear for the whole period");
        until.addClassName("ss-until");
        until.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                choose.accept(key.withUntil(e.getValue()));
            }
        });
        return until;
    }

    /** While an analysis runs, it cannot be re-run. */
    void analysing(boolean running) {
        if (rerun != null) {
            rerun.setEnabled(!running);
        }
    }

    /** A link to the REST API's export of this scorecard ({@code io.splitscope.app.api}), as the browser's session. */
    private static Anchor export(ScorecardCache.Key key, String label, String path) {
        String query = "?" + ScorecardView.queryString(ScorecardView.queryParameters(key, null, true));
        Anchor anchor = new Anchor("api/experiments/" + key.experimentId() + path + query, "");
        anchor.setRouterIgnore(true);
        anchor.getElement().setAttribute("download", "");
        anchor.addClassNames("ss-export", "ss-export-" + label.toLowerCase(Locale.ROOT));
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(label));
        anchor.getElement().setAttribute("title", "Download this scorecard as " + label
                + " (the same as GET /api/experiments/" + key.experimentId() + path + ")");
        return anchor;
    }
}
