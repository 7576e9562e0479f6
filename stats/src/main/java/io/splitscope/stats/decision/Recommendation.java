package io.splitscope.stats.decision;

import java.util.Locale;

/**
 * What the decision rule recommends for one treatment variant ({@code spec/decisions.md}, "The
 * recommendation"), in the order the rule tries them: the first that applies is the decision.
 */
public enum Recommendation {

    /** A quality check fails: fix the data before reading anything. */
    UNHEALTHY("Fix the data first"),

    /** A success or guardrail metric significantly deteriorated. */
    ROLL_BACK("Roll back"),

    /** Not finished (fixed horizon), or the rule has not concluded (sequential). */
    KEEP_RUNNING("Keep running"),

    /** At least one success metric significantly better and every guardrail non-inferior. */
    SHIP("Ship it"),

    /** Finished otherwise: no success metric moved, or a guardrail not shown non-inferior. */
    NO_SHIP("Don't ship");

    private final String headline;

    Recommendation(String headline) {
        this.headline = headline;
    }

    /** The id written in JSON and read by the CLI: {@code "unhealthy"}, {@code "roll_back"}, {@code "keep_running"}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The recommendation in a product manager's words: {@code "Ship it"}, {@code "Roll back"}, … */
    public String headline() {
        return headline;
    }
}
