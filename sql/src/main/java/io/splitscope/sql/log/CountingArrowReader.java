package io.splitscope.sql.log;

import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Passes another reader's batches through (the buffers are shared, not copied) and counts the
 * rows and bytes that reach the JVM.
 */
final class CountingArrowReader extends ArrowReader {

    private final ArrowReader delegate;
    private long rows;
    private long bytes;

    CountingArrowReader(ArrowReader delegate, BufferAllocator allocator) {
        super(allocator);
        this.delegate = delegate;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        if (!delegate.loadNextBatch()) {
            return false;
        }
        try (ArrowRecordBatch batch = new VectorUnloader(delegate.getVectorSchemaRoot()).getRecordBatch()) {
            rows += batch.getLength();
            bytes += batch.computeBodyLength();
            loadRecordBatch(batch); // takes the batch's buffers over and closes it
        }
        return true;
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    long rowsRead() {
        return rows;
    }

    @Override
    protected void closeReadSource() {
        // The delegate belongs to the warehouse that opened it and is closed there.
    }

    @Override
    protected Schema readSchema() throws IOException {
        return delegate.getVectorSchemaRoot().getSchema();
    }
}
