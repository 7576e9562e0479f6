package io.splitscope.analysis;

import io.splitscope.sql.ForwardingWarehouse;
import io.splitscope.sql.Warehouse;
import org.apache.arrow.memory.BufferAllocator;
import org.jooq.ResultQuery;

/** Counts the steps of one analysis for its {@link ProgressListener}. Used by one thread. */
final class AnalysisSteps {

    private final ProgressListener listener;
    private final int total;
    private int done = -1;

    AnalysisSteps(ProgressListener listener, int total) {
        this.listener = listener;
        this.total = total;
    }

    /** The previous step, if any, is finished; {@code step} starts. */
    void start(String step) {
        done++;
        listener.progress(done, total, step);
    }

    /** The last step is finished. */
    void finish() {
        listener.progress(total, total, "done");
    }

    /** {@code warehouse}, announcing each query it runs as the step "metric query k of queries". */
    Warehouse reportingQueries(Warehouse warehouse, int queries) {
        return new ForwardingWarehouse(warehouse) {
            private int query;

            @Override
            public <T> T query(ResultQuery<?> sql, BufferAllocator allocator, ResultHandler<T> handler) {
                start("metric query " + (++query) + " of " + queries);
                return super.query(sql, allocator, handler);
            }

            @Override
            public void close() {
                // The wrapped warehouse belongs to the caller.
            }
        };
    }
}
