package io.splitscope.stats;

import java.util.Objects;

/**
 * What a comparison method does, for people: the web app shows it beside the method picker and
 * in the explain dialog. Each method carries its own ({@link ComparisonMethod#description()}),
 * written from the formula and references of its Javadoc.
 *
 * @param summary   what it does and how to read its result, in plain words; the first sentence
 *                  stands alone as a headline
 * @param formula   the formula, plain text with Unicode symbols, one step a line
 * @param reference where it comes from (empty when there is none to cite)
 */
public record MethodDescription(String summary, String formula, String reference) {

    public MethodDescription {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(reference, "reference");
    }

    /** The summary's first sentence. */
    public String headline() {
        int end = summary.indexOf(". ");
        return end < 0 ? summary : summary.substring(0, end + 1);
    }
}
