package io.splitscope.analysis;

/**
 * Hears how far one analysis has got (see {@link AnalysisService#analyze(AnalysisRequest, ProgressListener)}).
 * Called on the thread that runs the analysis, in order, once when each step starts and once more
 * when the analysis is done; a listener should return quickly (hand the news to another thread
 * if it has more to do).
 *
 * <p>The steps of an analysis are: the population, the unit counts per segment (only when the
 * scorecard is sliced by a dimension), one per warehouse query for the metrics, and the
 * comparisons.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (done, total, step) -> {
    };

    /**
     * @param done  steps finished so far, from 0 to {@code total}
     * @param total the steps of this analysis, at least 2; the same in every call of one analysis
     * @param step  what runs now, e.g. {@code "metric query 2 of 3"}, or {@code "done"} when
     *              {@code done == total}
     */
    void progress(int done, int total, String step);
}
