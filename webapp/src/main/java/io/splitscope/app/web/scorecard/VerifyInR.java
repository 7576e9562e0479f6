package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.RVerification;
import io.splitscope.app.web.common.UiUpdates;
import io.splitscope.sql.WarehouseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Verify in R" action of the scorecard page: recomputes in GNU R, in the background, every
 * number whose method has an R twin, then marks the rows R verified and says how it went. Lives as
 * long as the page; its button is made anew with the page's controls.
 */
final class VerifyInR {

    private static final Logger LOG = LoggerFactory.getLogger(VerifyInR.class);

    private final RVerifications rVerifications;
    private final RVerificationMarks marks;
    /** The scorecard the page shows now: a result for another one is not shown. */
    private final Supplier<ScorecardCache.Key> shown;
    private final Span status = new Span();
    private Button button;

    VerifyInR(RVerifications rVerifications, RVerificationMarks marks, Supplier<ScorecardCache.Key> shown) {
        this.rVerifications = rVerifications;
        this.marks = marks;
        this.shown = shown;
        status.addClassNames("ss-muted", "ss-verify-status");
    }

    /** A new button that starts the verification. */
    Button button() {
        button = new Button("Verify in R", VaadinIcon.CHECK_CIRCLE_O.create(), e -> verify());
        button.addClassName("ss-verify-r");
        button.getElement().setAttribute("title", "Recompute in GNU R every number whose method has an R twin"
                + " (welch_t, cuped, mann_whitney) and mark the rows where R and Java agree to 1e-8");
        return button;
    }

    /** How the last verification went. */
    Span status() {
        return status;
    }

    /** Forgets how the last verification went, for a new page. */
    void clear() {
        status.setText("");
    }

    private void verify() {
        ScorecardCache.Key asked = shown.get();
        button.setEnabled(false);
        status.setText("Verifying in GNU R…");
        status.removeClassName("ss-verify-failed");
        UiUpdates.whenDone(button.getUI().orElseThrow(), rVerifications.verify(asked),
                (List<RVerification> result, Throwable failure) -> {
                    button.setEnabled(true);
                    if (asked.equals(shown.get())) {
                        report(asked, result, failure);
                    }
                });
    }

    private void report(ScorecardCache.Key asked, List<RVerification> result, Throwable failure) {
        String problem = failure != null ? failure.getMessage() : RVerifications.failure(result);
        if (failure != null && !(failure instanceof AnalysisException || failure instanceof WarehouseException)) {
            LOG.error("Verification in R of {} failed", asked.experimentId(), failure);
            problem = "something went wrong; the details are in the server log";
        }
        if (problem != null) {
            status.setText("Could not verify in R: " + problem);
            status.addClassName("ss-verify-failed");
            Notification.show("Could not verify in R: " + problem, 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        marks.show(result);
        long verified = result.stream().filter(v -> v.report().verified()).count();
        double largest = result.stream().mapToDouble(v -> v.report().maxRelativeDifference()).max().orElse(0);
        status.setText(result.isEmpty() ? "No metric here uses a method with an R twin."
                : verified + " of " + result.size() + " metric" + (result.size() == 1 ? "" : "s")
                + " verified in GNU R (largest relative difference "
                + String.format(Locale.ROOT, "%.1e", largest) + ")");
    }
}
