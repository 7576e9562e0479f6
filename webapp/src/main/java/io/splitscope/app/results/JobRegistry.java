package io.splitscope.app.results;

import io.splitscope.analysis.AnalysisRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The jobs the app knows: the recent ones by id (the last {@value #KEPT_JOBS}; older finished
 * ones are forgotten) and the one queued or running per request. Thread-safe: every change of the
 * registry, and every end of a job, under the registry's lock.
 */
final class JobRegistry {

    /** How many jobs are kept to look up. */
    static final int KEPT_JOBS = 200;

    private final Map<String, TrackedJob> jobs = new LinkedHashMap<>(); // oldest first
    private final Map<AnalysisRequest, TrackedJob> active = new LinkedHashMap<>();

    /**
     * What {@link #admit} gave.
     *
     * @param job   the job of the request
     * @param isNew whether it was made now, rather than already queued or running
     */
    record Admission(TrackedJob job, boolean isNew) {
    }

    /**
     * The job queued or running for {@code request}, if there is one; else a new one from {@code
     * create} (called under the lock), kept, and active unless it has finished already.
     */
    synchronized Admission admit(AnalysisRequest request, Supplier<TrackedJob> create) {
        TrackedJob running = active.get(request);
        if (running != null) {
            return new Admission(running, false);
        }
        TrackedJob job = create.get();
        jobs.put(job.id, job);
        if (jobs.size() > KEPT_JOBS) {
            jobs.values().stream().filter(j -> j.snapshot().finished()).findFirst().ifPresent(oldest -> jobs.remove(oldest.id));
        }
        if (!job.snapshot().finished()) {
            active.put(request, job);
        }
        return new Admission(job, true);
    }

    /** Moves the job to its end state with {@code transition}; it is no longer active. */
    synchronized void end(TrackedJob job, Runnable transition) {
        transition.run();
        active.remove(job.request, job);
    }

    /** The recent job with that id. */
    synchronized Optional<TrackedJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * The recent job with that id.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    TrackedJob require(String id) {
        return job(id).orElseThrow(() -> new IllegalArgumentException("unknown analysis job '" + id + "'"));
    }

    /** The job queued or running for this request. */
    synchronized Optional<TrackedJob> active(AnalysisRequest request) {
        return Optional.ofNullable(active.get(request));
    }

    /** The recent jobs, newest first. */
    synchronized List<TrackedJob> newestFirst() {
        List<TrackedJob> newest = new ArrayList<>(jobs.values());
        Collections.reverse(newest);
        return newest;
    }
}
