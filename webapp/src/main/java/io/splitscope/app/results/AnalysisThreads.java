package io.splitscope.app.results;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads analyses run on: a fixed number ({@code splitscope.analysis.threads}), daemons named
 * {@code splitscope-analysis-N}, with a queue for what waits for a free one.
 */
final class AnalysisThreads implements AutoCloseable {

    private final ExecutorService executor;

    /** @throws IllegalArgumentException unless {@code threads} is at least 1 */
    AnalysisThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("analysis threads must be at least 1, got " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "splitscope-analysis-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work} on a free thread, once there is one. */
    void execute(Runnable work) {
        executor.execute(work);
    }

    /** Stops taking work; waits a little for running analyses, then interrupts them. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
