package io.splitscope.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "The same scorecard" for one read back from the results store: equal field by field, numbers
 * exactly (NaN included), but for where the experiment's exposures are — a stored copy keeps the
 * experiment's description, not its assignment, since it is shown and never analysed again.
 */
public final class SameStored {

    /** The field a stored copy leaves out, from a scorecard and from a stored scorecard. */
    static final String ASSIGNMENT = "experiment.assignment";
    static final String STORED_ASSIGNMENT = "scorecard.experiment.assignment";

    private SameStored() {
    }

    /** Asserts that {@code actual} is {@code expected} as the store gives it back (scorecards or stored scorecards). */
    public static void assertSame(Object actual, Object expected) {
        assertThat(actual).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
                .ignoringFields(ASSIGNMENT, STORED_ASSIGNMENT).isEqualTo(expected);
    }
}
