package io.splitscope.stats.decision;

/**
 * How an experiment may be looked at ({@code spec/decisions.md}, "sequential designs"): once at the
 * end ({@link Kind#FIXED}, the default), at any time on always-valid intervals
 * ({@link Kind#SEQUENTIAL}, the {@code sequential} method), or at a planned number of looks with
 * alpha spending ({@link Kind#GROUP_SEQUENTIAL}).
 *
 * @param kind     the design
 * @param looks    the planned looks of a group-sequential design (2 or more, the last at the planned
 *                 sample); 1 for the other designs
 * @param spending the alpha-spending function of a group-sequential design; null for the others
 */
public record Design(Kind kind, int looks, Spending spending) {

    /** Fixed horizon: the rule reads the experiment once, when it is finished. */
    public static final Design FIXED = new Design(Kind.FIXED, 1, null);

    /** Always-valid intervals: the rule may conclude at any look. */
    public static final Design SEQUENTIAL = new Design(Kind.SEQUENTIAL, 1, null);

    /** The three designs. */
    public enum Kind { FIXED, SEQUENTIAL, GROUP_SEQUENTIAL }

    /**
     * Lan–DeMets alpha-spending functions, with {@code t} the information fraction and α one-sided:
     * O'Brien–Fleming type {@code α(t) = 2 − 2 Φ(z(1 − α/2) / √t)}, Pocock type
     * {@code α(t) = α ln(1 + (e − 1) t)} (Lan and DeMets 1983).
     */
    public enum Spending { OBRIEN_FLEMING, POCOCK }

    /** @throws IllegalArgumentException for looks or spending that do not fit the kind */
    public Design {
        if (kind == null) {
            throw new IllegalArgumentException("a design needs a kind");
        }
        if (kind == Kind.GROUP_SEQUENTIAL) {
            if (looks < 2 || spending == null) {
                throw new IllegalArgumentException("a group-sequential design needs 2 or more looks and a spending function,"
                        + " got " + looks + " looks and " + spending);
            }
        } else if (looks != 1 || spending != null) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " design has one look and no spending function");
        }
    }

    /** A group-sequential design with {@code looks} planned looks. */
    public static Design groupSequential(int looks, Spending spending) {
        return new Design(Kind.GROUP_SEQUENTIAL, looks, spending);
    }
}
