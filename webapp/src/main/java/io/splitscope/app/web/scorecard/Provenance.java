package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.results.FailedRun;
import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.app.web.common.Banners;
import io.splitscope.app.web.common.Formats;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Where a shown scorecard's numbers come from: when, by whom and from what it was computed, and whether that is still current. */
final class Provenance {

    private static final DateTimeFormatter COMPUTED_AT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Provenance() {
    }

    /** The banner of a scorecard computed before the warehouse last changed; {@code canRun} says who can fix that. */
    static Component staleBanner(boolean canRun) {
        return Banners.warning(VaadinIcon.CLOCK, "The warehouse has changed since this scorecard was computed: these numbers are"
                + " from the data as it was then. " + (canRun ? "Re-run the analysis to bring them up to date."
                : "Ask an analyst to re-run the analysis."), "ss-stale-banner");
    }

    /** The banner of a run that failed after the shown scorecard, which it left as it was. */
    static Component failedRunBanner(FailedRun failed) {
        return Banners.warning(VaadinIcon.EXCLAMATION_CIRCLE, "A later run by " + failed.requestedBy() + " failed "
                + COMPUTED_AT.format(failed.failedAt()) + ": " + failed.message() + ". This is the last stored scorecard.",
                "ss-failed-run-banner");
    }

    /** The line below the scorecard: when and how it was computed, and how much data it read. */
    static Component footer(StoredScorecard stored) {
        Scorecard scorecard = stored.scorecard();
        long rows = scorecard.queries().stream().mapToLong(q -> q.rows()).sum();
        long bytes = scorecard.queries().stream().mapToLong(q -> q.bytes()).sum();
        Paragraph footer = new Paragraph("Computed " + COMPUTED_AT.format(scorecard.computedAt()) + " by "
                + stored.computedBy() + " in " + Formats.seconds(stored.elapsed()) + " from " + scorecard.warehouse()
                + ", with " + scorecard.queries().size() + " queries that brought " + Formats.count(rows) + " rows ("
                + Formats.count(bytes) + " bytes) into the app; stored, so it reopens at once.");
        footer.addClassName("ss-footer");
        return footer;
    }
}
