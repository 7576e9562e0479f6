package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.app.web.common.UiUpdates;
import io.splitscope.sql.WarehouseException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loading and error states of the scorecard page: while an analysis runs, its progress
 * (updated by push, the scorecard shown before greyed out); then the scorecard, or why it could
 * not be computed. Lives as long as the page.
 */
final class ScorecardLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ScorecardLoader.class);

    private final AnalysisService analysis;
    private final Consumer<Boolean> analysing;
    private final Function<StoredScorecard, List<Component>> render;
    private final Div progress = new Div();
    private final Div content = new Div();
    private boolean showing;

    /**
     * @param analysing told {@code true} as an analysis starts running and {@code false} as it ends
     * @param render    the parts that show a computed scorecard
     */
    ScorecardLoader(AnalysisService analysis, Consumer<Boolean> analysing, Function<StoredScorecard, List<Component>> render) {
        this.analysis = analysis;
        this.analysing = analysing;
        this.render = render;
        progress.addClassName("ss-progress-area");
        content.addClassName("ss-scorecard-content");
    }

    /** Where the progress shows. */
    Component progressArea() {
        return progress;
    }

    /** Where the scorecard, or why there is none, shows. */
    Component contentArea() {
        return content;
    }

    /** Empties both areas, for a new page. */
    void clear() {
        content.removeAll();
        progress.removeAll();
        showing = false;
    }

    /** Shows the scorecard {@code run} computes for {@code key}: at once when it is done, else when it is. */
    void load(ScorecardCache.Run run, ScorecardCache.Key key, UI ui) {
        if (run.future().isDone() && !run.future().isCompletedExceptionally()) {
            show(run.future().join());
            return;
        }
        if (run.future().isDone()) {
            UiUpdates.whenDone(ui, run.future(), (stored, failure) -> showFailure(failure, key));
            return;
        }
        Runnable stopListening = showProgress(run, key, ui);
        UiUpdates.whenDone(ui, run.future(), (stored, failure) -> {
            stopListening.run();
            progress.removeAll();
            progress.removeClassName("ss-progress-running");
            content.removeClassName("ss-stale");
            analysing.accept(false);
            if (failure != null) {
                showFailure(failure, key);
            } else {
                show(stored);
            }
        });
    }

    private void show(StoredScorecard stored) {
        showing = true;
        content.removeAll();
        content.removeClassName("ss-stale");
        render.apply(stored).forEach(content::add);
    }

    /** Shows the analysis' progress, updated by push as it moves; returns what stops the updates. */
    private Runnable showProgress(ScorecardCache.Run run, ScorecardCache.Key key, UI ui) {
        progress.removeAll();
        progress.addClassName("ss-progress-running");
        ProgressBar bar = new ProgressBar();
        bar.addClassName("ss-progress");
        Span step = new Span();
        step.addClassName("ss-progress-step");
        int metrics = analysis.metrics().size();
        progress.add(bar, step, PanelParts.progressText("Analysing " + key.experimentId() + ": " + metrics + " metrics with "
                + key.method().methodId() + (key.segmentBy() == null ? "" : ", by " + key.segmentBy())
                + ". The warehouse aggregates, then the statistics run; this page updates when it is done."));
        if (showing) {
            content.addClassName("ss-stale");
        }
        analysing.accept(true);
        return run.onProgress(p -> {
            try {
                ui.access(() -> {
                    bar.setValue(p.fraction());
                    step.setText(Math.round(p.fraction() * 100) + " % · " + p.step());
                });
            } catch (UIDetachedException e) {
                // the page is gone
            }
        });
    }

    private void showFailure(Throwable failure, ScorecardCache.Key key) {
        content.removeAll();
        if (failure instanceof AnalysisException || failure instanceof WarehouseException) {
            LOG.warn("Could not analyse experiment {}: {}", key.experimentId(), failure.getMessage());
            content.add(PageMessage.of("This experiment could not be analysed", failure.getMessage()));
        } else {
            LOG.error("Analysis of experiment {} failed", key.experimentId(), failure);
            content.add(PageMessage.of("This experiment could not be analysed",
                    "Something went wrong while computing the scorecard; the details are in the server log."));
        }
    }
}
