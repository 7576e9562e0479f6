package io.splitscope.stats.arrow;

import io.splitscope.stats.Moments;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Reads a table of per-variant sufficient statistics (see {@link MomentColumns}) into
 * {@link Moments}, one per metric and variant. A variant with no row, or a null sum (no units),
 * reads as empty moments.
 */
public final class MomentsReader {

    private MomentsReader() {
    }

    /**
     * @return metric id → variant → moments, for every metric and variant asked for, in their order
     * @throws IllegalArgumentException when a column of the contract is missing or of another type
     */
    public static Map<String, Map<String, Moments>> read(ArrowReader reader, List<String> metricIds,
                                                          List<String> variants) throws IOException {
        Map<String, Map<String, Moments>> found = new HashMap<>();
        while (reader.loadNextBatch()) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            VarCharVector variantColumn = column(root, MomentColumns.VARIANT, VarCharVector.class);
            for (String metric : metricIds) {
                BigIntVector n = column(root, MomentColumns.n(metric), BigIntVector.class);
                Float8Vector sum = column(root, MomentColumns.sum(metric), Float8Vector.class);
                Float8Vector sumSquares = column(root, MomentColumns.sumSquares(metric), Float8Vector.class);
                for (int row = 0; row < root.getRowCount(); row++) {
                    if (variantColumn.isNull(row)) {
                        continue;
                    }
                    String variant = new String(variantColumn.get(row), java.nio.charset.StandardCharsets.UTF_8);
                    long units = n.isNull(row) ? 0 : n.get(row);
                    Moments moments = units == 0 ? new Moments(0, 0, 0)
                            : new Moments(units, sum.get(row), sumSquares.get(row));
                    found.computeIfAbsent(metric, m -> new HashMap<>()).put(variant, moments);
                }
            }
        }
        Map<String, Map<String, Moments>> ordered = new LinkedHashMap<>();
        for (String metric : metricIds) {
            Map<String, Moments> byVariant = new LinkedHashMap<>();
            for (String variant : variants) {
                byVariant.put(variant, found.getOrDefault(metric, Map.of()).getOrDefault(variant, new Moments(0, 0, 0)));
            }
            ordered.put(metric, byVariant);
        }
        return ordered;
    }

    private static <V extends FieldVector> V column(VectorSchemaRoot root, String name, Class<V> type) {
        FieldVector vector = root.getVector(name);
        if (vector == null) {
            throw new IllegalArgumentException("sufficient statistics: column " + name + " is missing");
        }
        if (!type.isInstance(vector)) {
            throw new IllegalArgumentException("sufficient statistics: column " + name + " is "
                    + vector.getField().getType() + ", expected " + type.getSimpleName());
        }
        return type.cast(vector);
    }
}
