package io.splitscope.app.web.common;

import io.splitscope.stats.decision.Decision;
import io.splitscope.stats.decision.Recommendation;
import io.splitscope.stats.decision.TestKind;
import io.splitscope.stats.decision.TestResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A decision ({@code spec/decisions.md}) in the words of a product manager, without statistics:
 * the headline ({@code "Ship it"}, {@code "Keep running — about 5 days left"}) and one sentence
 * that says why ({@code "Conversion rate is up and no guardrail got worse."}), read from the tests
 * the rule ran. The numbers stay one click away (the scorecard's details).
 */
public final class DecisionTexts {

    private DecisionTexts() {
    }

    /** The recommendation's headline; for "keep running" with the days left when they are known. */
    public static String headline(Decision decision) {
        Recommendation recommendation = decision.recommendation();
        if (recommendation == Recommendation.KEEP_RUNNING && decision.daysLeft() != null && decision.daysLeft() > 0) {
            return recommendation.headline() + " — about " + days(decision.daysLeft()) + " left";
        }
        return recommendation.headline();
    }

    /**
     * Why, in one sentence that names metrics by their titles.
     *
     * @param title a metric's title by its id (the id itself when unknown)
     */
    public static String why(Decision decision, Function<String, String> title) {
        List<TestResult> tests = decision.tests();
        String sentence = switch (decision.recommendation()) {
            case UNHEALTHY -> "A data-quality check failed, so the numbers cannot be trusted until the data is fixed";
            case ROLL_BACK -> or(and(metrics(tests, TestKind.DETERIORATION, true), title), "a success or guardrail metric")
                    + " got worse";
            case KEEP_RUNNING -> decision.plannedUnits() != null
                    ? "It has not reached its planned sample of " + Formats.count(decision.plannedUnits())
                            + " units per variant: stopping now would be reading the numbers too early"
                    : "Nothing is conclusive yet: stopping now would be reading the numbers too early";
            case SHIP -> moved(tests, title) + (has(tests, TestKind.NON_INFERIORITY) ? " and no guardrail got worse" : "");
            case NO_SHIP -> noShip(tests, title);
        };
        return sentence.substring(0, 1).toUpperCase(Locale.ROOT) + sentence.substring(1) + ".";
    }

    /** "Conversion rate is up", from the significant superiority tests (down for a metric that should fall). */
    private static String moved(List<TestResult> tests, Function<String, String> title) {
        List<TestResult> better = tests.stream().filter(t -> t.kind() == TestKind.SUPERIORITY && t.significant()).toList();
        List<String> up = better.stream().filter(t -> t.estimate() == null || t.estimate() >= 0).map(TestResult::metric).toList();
        List<String> down = better.stream().filter(t -> t.estimate() != null && t.estimate() < 0).map(TestResult::metric).toList();
        if (up.isEmpty()) {
            return and(down, title) + (down.size() == 1 ? " is" : " are") + " down";
        }
        return and(up, title) + (up.size() == 1 ? " is" : " are") + " up" + (down.isEmpty() ? "" : ", " + and(down, title) + " down");
    }

    private static String noShip(List<TestResult> tests, Function<String, String> title) {
        List<String> unsafe = metrics(tests, TestKind.NON_INFERIORITY, false);
        if (tests.stream().noneMatch(t -> t.kind() == TestKind.SUPERIORITY && t.significant())) {
            String success = and(metrics(tests, TestKind.SUPERIORITY, false), title);
            return or(success, "no success metric") + " did not move enough to tell: the change does not"
                    + " do what it was meant to";
        }
        return moved(tests, title) + ", but " + or(and(unsafe, title), "a guardrail") + (unsafe.size() > 1 ? " were" : " was")
                + " not shown to stay within " + (unsafe.size() > 1 ? "their margins" : "its margin");
    }

    /** The distinct metrics of the tests of {@code kind} that were (or were not) significant, in order. */
    private static List<String> metrics(List<TestResult> tests, TestKind kind, boolean significant) {
        Set<String> ids = new LinkedHashSet<>();
        tests.stream().filter(t -> t.kind() == kind && t.significant() == significant).forEach(t -> ids.add(t.metric()));
        return List.copyOf(ids);
    }

    private static boolean has(List<TestResult> tests, TestKind kind) {
        return tests.stream().anyMatch(t -> t.kind() == kind);
    }

    /** "a", "a and b", "a, b and c", by title. */
    private static String and(List<String> ids, Function<String, String> title) {
        List<String> titles = ids.stream().map(title).toList();
        if (titles.size() <= 1) {
            return titles.isEmpty() ? "" : titles.getFirst();
        }
        return String.join(", ", titles.subList(0, titles.size() - 1)) + " and " + titles.getLast();
    }

    private static String or(String text, String otherwise) {
        return text.isEmpty() ? otherwise : text;
    }

    /** {@code "1 day"}, {@code "5 days"}. */
    public static String days(int days) {
        return days + (days == 1 ? " day" : " days");
    }
}
