package io.splitscope.app.web.scorecard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import io.splitscope.app.web.common.DecisionTexts;
import io.splitscope.app.web.common.Formats;
import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.Recommendation;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The decision at the top of the scorecard, one banner per treatment variant: what to do in a
 * product manager's words ({@link DecisionTexts}), why in one sentence, coloured by outcome
 * ({@code ss-decision-ship}, {@code -roll_back}, {@code -keep_running}, {@code -no_ship},
 * {@code -unhealthy}); the numbers one click away — the rule's reasons, one line per metric, and
 * every one-sided test it ran (metric, kind, level, estimate, bound, margin, significant).
 */
final class DecisionBanner {

    private DecisionBanner() {
    }

    /**
     * The banners of {@code decisions}, in their order.
     *
     * @param title a metric's title by its id
     */
    static Component of(List<Decision> decisions, Function<String, String> title) {
        Div banners = new Div();
        banners.addClassName("ss-decisions");
        decisions.forEach(decision -> banners.add(banner(decision, title)));
        return banners;
    }

    private static Component banner(Decision decision, Function<String, String> title) {
        Recommendation recommendation = decision.recommendation();
        Div banner = new Div();
        banner.addClassNames("ss-decision", "ss-decision-" + recommendation.id());
        banner.getElement().setAttribute("data-variant", decision.variant());
        banner.getElement().setAttribute("data-decision", recommendation.id());
        banner.getElement().setAttribute("role", "status");
        var icon = icon(recommendation).create();
        icon.addClassName("ss-decision-icon");
        Span variant = new Span(decision.variant());
        variant.addClassName("ss-decision-variant");
        Span headline = new Span(DecisionTexts.headline(decision));
        headline.addClassName("ss-decision-headline");
        Span why = new Span(DecisionTexts.why(decision, title));
        why.addClassName("ss-decision-why");
        Div text = new Div(variant, headline, why);
        text.addClassName("ss-decision-text");
        Div head = new Div(icon, text);
        head.addClassName("ss-decision-head");
        Details numbers = new Details("The numbers behind it", details(decision, title));
        numbers.addClassName("ss-decision-details");
        banner.add(head, numbers);
        return banner;
    }

    private static VaadinIcon icon(Recommendation recommendation) {
        return switch (recommendation) {
            case SHIP -> VaadinIcon.CHECK_CIRCLE;
            case ROLL_BACK -> VaadinIcon.ARROW_BACKWARD;
            case KEEP_RUNNING -> VaadinIcon.HOURGLASS;
            case NO_SHIP -> VaadinIcon.BAN;
            case UNHEALTHY -> VaadinIcon.WARNING;
        };
    }

    /** The reasons, the rule's settings and plan, and the table of tests. */
    private static Component details(Decision decision, Function<String, String> title) {
        UnorderedList reasons = new UnorderedList();
        reasons.addClassName("ss-decision-reasons");
        decision.reasons().forEach(reason -> reasons.add(new ListItem(reason)));
        Span settings = new Span("α = " + Formats.number(decision.alpha()) + ", power " + Formats.percent(decision.power())
                + (decision.plannedUnits() == null ? "" : ", planned sample " + Formats.count(decision.plannedUnits())
                        + " units per variant")
                + (decision.daysLeft() == null ? "" : ", about " + DecisionTexts.days(decision.daysLeft())
                        + " left at the last 7 days' intake"));
        settings.addClassName("ss-muted");
        Div details = new Div(reasons, settings);
        if (!decision.tests().isEmpty()) {
            details.add(testsTable(decision.tests(), title));
        }
        return details;
    }

    private static Component testsTable(List<TestResult> tests, Function<String, String> title) {
        Element table = new Element("table");
        table.getClassList().add("ss-decision-tests");
        Element head = new Element("tr");
        for (String column : List.of("Metric", "Test", "Level", "Estimate", "One-sided bound", "Margin", "Significant")) {
            head.appendChild(new Element("th").setText(column));
        }
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (TestResult test : tests) {
            Element row = new Element("tr");
            row.setAttribute("data-metric", test.metric());
            row.setAttribute("data-kind", test.kind().name().toLowerCase(Locale.ROOT));
            row.appendChild(cell(title.apply(test.metric())), cell(kind(test.kind())),
                    cell(test.levelText() + " = " + Formats.number(test.level())),
                    cell(effect(test, test.estimate())), cell(effect(test, test.bound())),
                    cell(test.kind() == TestKind.NON_INFERIORITY ? effect(test, test.margin()) : "0"),
                    cell(test.note() != null ? "not run: " + test.note() : test.significant() ? "yes" : "no"));
            body.appendChild(row);
        }
        table.appendChild(body);
        Div wrapper = new Div();
        wrapper.addClassName("ss-decision-tests-wrapper");
        wrapper.getElement().appendChild(table);
        return wrapper;
    }

    /** What the test asks, in words. */
    static String kind(TestKind kind) {
        return switch (kind) {
            case SUPERIORITY -> "better (superiority)";
            case NON_INFERIORITY -> "within its margin (non-inferiority)";
            case DETERIORATION -> "worse (deterioration)";
        };
    }

    /** An effect on the test's scale: relative as a signed percentage, absolute as a signed number. */
    private static String effect(TestResult test, Double value) {
        return test.relative() ? Formats.signedPercent(value) : Formats.signedNumber(value);
    }

    private static Element cell(String text) {
        return new Element("td").setText(text);
    }
}
