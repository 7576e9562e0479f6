package io.splitscope.app.results;

import io.splitscope.analysis.results.StoredScorecard;
import io.splitscope.analysis.AnalysisRequest;
import java.time.Instant;

/**
 * One background analysis, as it stood at one moment: an immutable snapshot. {@link AnalysisJobs}
 * hands a fresh snapshot to its listeners whenever the job moves (queued, started, each step,
 * finished).
 *
 * @param id          the job's id (also in {@code /api/analyses/{id}})
 * @param request     what is analysed
 * @param state       where the job is
 * @param stepsDone   steps finished (0 … {@code stepsTotal})
 * @param stepsTotal  the analysis' steps; 0 until it has started and counted them
 * @param step        what runs now ({@code "population"}, {@code "metric query 2 of 3"}, {@code "comparisons"},
 *                    {@code "storing"}), or null when queued or finished
 * @param submittedBy the user who asked for it ({@code "system"} for a first analysis the app started itself)
 * @param submittedAt when it was asked for
 * @param startedAt   when it started running, or null while queued
 * @param finishedAt  when it succeeded or failed, or null
 * @param error       why it failed, in one line, or null
 * @param result      the stored scorecard once it has succeeded, else null
 */
public record AnalysisJob(String id, AnalysisRequest request, State state, int stepsDone, int stepsTotal, String step,
                          String submittedBy, Instant submittedAt, Instant startedAt, Instant finishedAt, String error,
                          StoredScorecard result) {

    /** Where a job is. */
    public enum State {
        /** Waiting for a free analysis thread. */
        QUEUED,
        /** Analysing; see the steps. */
        RUNNING,
        /** Done; the result is stored (and in {@link AnalysisJob#result()}). */
        SUCCEEDED,
        /** Done without a result; see {@link AnalysisJob#error()}. The stored result, if any, is unchanged. */
        FAILED;

        /** Whether the job will not move any more. */
        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }

        /** The lower-case name used in the REST API. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the job has succeeded or failed. */
    public boolean finished() {
        return state.finished();
    }

    /** How far it has got, from 0 to 1 (1 once finished), for a progress bar. */
    public double progress() {
        if (state.finished()) {
            return 1;
        }
        return stepsTotal == 0 ? 0 : Math.min(1, (double) stepsDone / stepsTotal);
    }
}
