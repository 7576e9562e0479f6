package io.splitscope.app.results;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who hears of the jobs' changes: the listeners of one job and those of every job. What a
 * listener throws is logged and ignored, so that one listener cannot stop the others or a job.
 */
final class JobListeners {

    private static final Logger LOG = LoggerFactory.getLogger(JobListeners.class);

    private final List<Consumer<AnalysisJob>> everyJob = new CopyOnWriteArrayList<>();

    /** Listens to every job's changes. */
    AnalysisJobs.Subscription subscribe(Consumer<AnalysisJob> listener) {
        everyJob.add(listener);
        return () -> everyJob.remove(listener);
    }

    /** Listens to one job: its current snapshot at once, then each change until it has finished. */
    AnalysisJobs.Subscription subscribe(TrackedJob job, Consumer<AnalysisJob> listener) {
        job.listeners.add(listener);
        notify(listener, job.snapshot());
        return () -> job.listeners.remove(listener);
    }

    /** Tells the job's listeners and those of every job how the job stands now. */
    void publish(TrackedJob job) {
        AnalysisJob snapshot = job.snapshot();
        job.listeners.forEach(listener -> notify(listener, snapshot));
        everyJob.forEach(listener -> notify(listener, snapshot));
    }

    private static void notify(Consumer<AnalysisJob> listener, AnalysisJob snapshot) {
        try {
            listener.accept(snapshot);
        } catch (RuntimeException e) {
            LOG.warn("A listener of analysis job {} failed", snapshot.id(), e);
        }
    }
}
