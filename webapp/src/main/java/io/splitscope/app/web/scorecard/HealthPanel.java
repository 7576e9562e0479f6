package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.LeftOutUnits;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.common.HealthCheck;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.Population;
import io.splitscope.stats.health.SrmResult;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether the test is healthy enough to trust: what it waits for when there is nothing to compare
 * yet, a loud banner for a sample ratio mismatch (what it means, what to do), notes and warnings on crossovers, invalid exposures and incomplete windows
 * ({@link HealthCheck}), and the analysed population per variant against the planned split.
 */
final class HealthPanel {

    private HealthPanel() {
    }

    /**
     * The health section of a scorecard: a loud banner for a sample ratio mismatch and for each
     * warning, then one row of cards — units per variant against the planned split, the
     * sample-ratio check, crossovers, invalid exposures and units still in their window — whose
     * tooltips say what each means; {@code metrics} finds a row's metric for its window.
     */
    static Component of(Scorecard scorecard, Function<String, Metric> metrics) {
        Div health = new Div();
        health.addClassName("ss-health");
        Incomplete incomplete = incomplete(scorecard, metrics);
        List<HealthCheck> checks = HealthCheck.all(scorecard.readiness(), scorecard.population(), scorecard.srm(), incomplete.units(),
                incomplete.windowDays());
        if (scorecard.srm().mismatch()) {
            health.add(srmBanner(scorecard.srm()));
        }
        for (HealthCheck check : checks) {
            if (check.kind() == HealthCheck.Kind.WAITING
                    || check.kind() != HealthCheck.Kind.SRM && check.level().compareTo(HealthCheck.Level.WARNING) >= 0) {
                health.add(note(check));
            }
        }
        health.add(cards(scorecard, checks, incomplete.units()));
        return health;
    }

    /** Units left out of the metric that leaves out most, summed over segments, and its window. */
    record Incomplete(long units, int windowDays) {
    }

    static Incomplete incomplete(Scorecard scorecard, Function<String, Metric> metrics) {
        return LeftOutUnits.of(scorecard, metrics).stream().filter(l -> l.unitsLeftOut() > 0)
                .max(Comparator.comparingLong(LeftOutUnits::unitsLeftOut))
                .map(l -> new Incomplete(l.unitsLeftOut(), metrics.apply(l.metricId()).windowEndDays()))
                .orElse(new Incomplete(0, 0));
    }

    /** The sample-ratio check: a loud banner on a mismatch, a quiet line otherwise. */
    static Component srmBanner(SrmResult srm) {
        if (srm.mismatch()) {
            Div banner = new Div();
            banner.addClassName("ss-srm-banner");
            banner.getElement().setAttribute("role", "alert");
            var icon = VaadinIcon.WARNING.create();
            icon.addClassName("ss-srm-icon");
            Div text = new Div();
            Span head = new Span(HealthCheck.SRM_MISMATCH_HEAD);
            head.addClassName("ss-srm-head");
            text.add(head, new Span(HealthCheck.srmMismatch(srm)));
            banner.add(icon, text);
            return banner;
        }
        Div ok = new Div();
        ok.addClassName("ss-srm-ok");
        var icon = VaadinIcon.CHECK_CIRCLE.create();
        icon.addClassName("ss-srm-icon");
        Span text = new Span("Split as planned");
        Span detail = new Span(" (" + HealthCheck.srmStatistic(srm) + ")");
        detail.addClassName("ss-muted");
        ok.add(icon, text, detail);
        return ok;
    }

    private static Component note(HealthCheck check) {
        Div note = new Div();
        note.addClassNames("ss-quality", check.level().className());
        var icon = (check.level() == HealthCheck.Level.WARNING ? VaadinIcon.WARNING : VaadinIcon.INFO_CIRCLE).create();
        icon.addClassName("ss-quality-icon");
        note.add(icon, new Span(check.detail()));
        return note;
    }

    private static Component cards(Scorecard scorecard, List<HealthCheck> checks, long incompleteUnits) {
        Population population = scorecard.population();
        Experiment experiment = scorecard.experiment();
        Map<String, Double> expected = scorecard.srm().expectedShare();
        long total = population.totalUnits();
        Div cards = new Div();
        cards.addClassName("ss-population");
        for (Map.Entry<String, Long> entry : population.units().entrySet()) {
            String variant = entry.getKey();
            long units = entry.getValue();
            String observed = total > 0 ? Formats.percent((double) units / total) : Formats.MISSING;
            Double planned = expected == null ? null : expected.get(variant);
            String caption = observed + " of units" + (planned == null ? "" : " · planned " + Formats.percent(planned));
            String kind = variant.equals(experiment.controlVariant()) ? "Control" : "Treatment";
            cards.add(card(kind, variant, Formats.count(units), caption, "ss-card-variant"));
        }
        cards.add(srmCard(scorecard.srm()));
        cards.add(qualityCard(checks, HealthCheck.Kind.CROSSOVERS, "Excluded", "Crossovers",
                population.crossoverUnits(), "saw more than one variant"));
        cards.add(qualityCard(checks, HealthCheck.Kind.INVALID_EXPOSURES, "Dropped", "Invalid exposures",
                population.invalidExposures(), "name an unknown variant"));
        checks.stream().filter(c -> c.kind() == HealthCheck.Kind.INCOMPLETE_WINDOWS).findFirst().ifPresent(check -> {
            Component c = card("Left out", "In window", Formats.count(incompleteUnits),
                    "window not over by the end date", "ss-card-quality", check.level().className());
            c.getElement().setAttribute("title", check.detail());
            cards.add(c);
        });
        return cards;
    }

    /** The sample-ratio card; without a split to test (no units, one variant) it says so. */
    private static Component srmCard(SrmResult srm) {
        if (Double.isNaN(srm.pValue())) {
            return card("Sample ratio", "Not tested", Formats.MISSING, "no split to test yet", "ss-card-srm",
                    HealthCheck.Level.NOTE.className());
        }
        Component srmCard = card("Sample ratio", srm.mismatch() ? "Mismatch" : "Split as planned",
                srm.mismatch() ? "✗" : "✓", HealthCheck.srmStatistic(srm),
                "ss-card-srm", srm.mismatch() ? HealthCheck.Level.FAILURE.className() : HealthCheck.Level.OK.className());
        srmCard.getElement().setAttribute("title", HealthCheck.srm(srm).detail());
        return srmCard;
    }

    private static Component qualityCard(List<HealthCheck> checks, HealthCheck.Kind kind, String label, String title,
                                         long count, String caption) {
        HealthCheck check = checks.stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
        Component card = card(label, title, Formats.count(count), caption, "ss-card-quality",
                check == null ? HealthCheck.Level.OK.className() : check.level().className());
        card.getElement().setAttribute("title", check == null ? "None." : check.detail());
        return card;
    }

    private static Component card(String kind, String label, String value, String caption, String... classNames) {
        Span k = new Span(kind);
        k.addClassName("ss-label");
        Span l = new Span(label);
        l.addClassName("ss-card-label");
        Span v = new Span(value);
        v.addClassName("ss-card-value");
        Span c = new Span(caption);
        c.addClassName("ss-card-caption");
        Div card = new Div(k, l, v, c);
        card.addClassName("ss-card");
        card.addClassNames(classNames);
        return card;
    }
}
