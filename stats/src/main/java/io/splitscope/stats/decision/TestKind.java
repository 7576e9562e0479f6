package io.splitscope.stats.decision;

/**
 * The three one-sided tests of the decision rule ({@code spec/decisions.md}, "Tests and error rates").
 */
public enum TestKind {

    /** A success metric moved its way: margin 0, at {@code α/(S·A)}. */
    SUPERIORITY,

    /** A guardrail did not move the harmful way beyond its margin: at {@code α}. */
    NON_INFERIORITY,

    /** A success or guardrail metric moved the wrong way (margin 0): at {@code α/((S+G)·A)}. */
    DETERIORATION
}
