package io.splitscope.stats.arrow;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.VarCharVector;

/**
 * The text keys of a table's rows (segment, variant), which come in long runs: the readers decode
 * a row's key only where its bytes differ from the previous row's, not on every row.
 */
final class RowKeys {

    private RowKeys() {
    }

    /** Whether row {@code row} holds the same bytes as the row before it in the batch (never for nulls). */
    static boolean sameAsPrevious(VarCharVector vector, int row) {
        if (row == 0 || vector.isNull(row) || vector.isNull(row - 1)) {
            return false;
        }
        ArrowBuf data = vector.getDataBuffer();
        return ByteFunctionHelpers.equal(data, vector.getStartOffset(row - 1), vector.getEndOffset(row - 1),
                data, vector.getStartOffset(row), vector.getEndOffset(row)) == 1;
    }

    /** The row's text. */
    static String string(VarCharVector vector, int row) {
        return new String(vector.get(row), StandardCharsets.UTF_8);
    }
}
