package io.splitscope.stats;

/**
 * Whether a {@link ComparisonResult} is complete, and if not, why. Degenerate data produces a
 * status, never an exception; the {@link ComparisonResult#reason() reason} of the result spells
 * out the detail for the user.
 */
public enum ResultStatus {

    /** Every value of the result exists. */
    OK("OK"),
    /** A variant has no units: no value, effect or inference. */
    EMPTY_ARM("Empty arm"),
    /** A variant has fewer than two units: values and effects, but no variance, interval or p-value. */
    TOO_FEW_UNITS("Too few units"),
    /** Both variants have zero variance: values and effects, but no interval or p-value. */
    ZERO_VARIANCE("Zero variance"),
    /** The control value is 0: no relative effect; the absolute effect and its inference exist. */
    ZERO_BASELINE("Zero baseline"),
    /** An input or an intermediate value is NaN or infinite: only the finite values are given. */
    NON_FINITE("Non-finite data"),
    /**
     * The method could not run at all — its runtime is missing or failed (a method written in R
     * when R is not installed, or when its Rserve process stopped during the computation): no
     * values; the reason says why and how to fix it. Says nothing about the data.
     */
    METHOD_FAILED("Method failed");

    private final String label;

    ResultStatus(String label) {
        this.label = label;
    }

    /** A short human label, for a badge or a table cell. */
    public String label() {
        return label;
    }
}
