package io.splitscope.app.results;

/**
 * Whether the app keeps its results in the store's file, as configured, or — because the file
 * could not be opened even after recovery — in memory only, until it stops. The REST API answers
 * the latter with header {@value #HEADER}{@code : unavailable} and {@value #PROBLEM_HEADER}; the
 * views show a notice.
 *
 * @param problem why the store's file cannot be used, in one line; null when it can (or when
 *                results were configured to stay in memory)
 */
public record ResultsStoreStatus(String problem) {

    /** The header of every API answer while the store cannot be used; its value is {@code unavailable}. */
    public static final String HEADER = "X-Splitscope-Results-Store";
    /** The header with {@link #problem()}, in ASCII. */
    public static final String PROBLEM_HEADER = "X-Splitscope-Results-Store-Problem";

    /** The store is used as configured. */
    static final ResultsStoreStatus USABLE = new ResultsStoreStatus(null);

    /** Whether the store is used as configured. */
    public boolean usable() {
        return problem == null;
    }

    /** What a user is told while the store cannot be used. */
    public String notice() {
        return "Results are not being stored: " + problem + ". Scorecards computed now are lost when the app stops.";
    }
}
