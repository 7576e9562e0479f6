package io.splitscope.stats.arrow;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Reads an event-level table (segment, variant, unit_id, value; ordered by segment, variant and
 * unit, see {@link MomentColumns}) into per-variant arrays clustered by unit, the layout of
 * {@link io.splitscope.stats.QuantileSample}. A row with a null value is a unit without events.
 */
public final class UnitEventsReader {

    /** The events of one variant: unit u's values are {@code values[unitOffsets[u] .. unitOffsets[u+1])}. */
    public record ClusteredValues(double[] values, int[] unitOffsets) {

        /** No units, no events: a variant without any unit in the analysis. */
        public static final ClusteredValues NONE = new ClusteredValues(new double[0], new int[] {0});
    }

    private UnitEventsReader() {
    }

    /** Reads an unsliced table: variant → its events (empty when the table has no row). */
    public static Map<String, ClusteredValues> read(ArrowReader reader) throws IOException {
        Map<String, Map<String, ClusteredValues>> segments = readBySegment(reader);
        if (segments.size() > 1) {
            throw new IllegalArgumentException("event-level table: expected one segment, found " + segments.keySet());
        }
        return segments.isEmpty() ? Map.of() : segments.values().iterator().next();
    }

    /** Reads a sliced table: segment → variant → its events. */
    public static Map<String, Map<String, ClusteredValues>> readBySegment(ArrowReader reader) throws IOException {
        Map<String, Map<String, Builder>> builders = new TreeMap<>();
        while (reader.loadNextBatch()) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            VarCharVector segments = column(root, MomentColumns.SEGMENT, VarCharVector.class);
            VarCharVector variants = column(root, MomentColumns.VARIANT, VarCharVector.class);
            BigIntVector units = column(root, MomentColumns.UNIT_ID, BigIntVector.class);
            Float8Vector values = column(root, MomentColumns.VALUE, Float8Vector.class);
            Builder builder = null;
            for (int row = 0; row < root.getRowCount(); row++) {
                if (!RowKeys.sameAsPrevious(segments, row) || !RowKeys.sameAsPrevious(variants, row)) {
                    String segment = RowKeys.string(segments, row);
                    String variant = RowKeys.string(variants, row);
                    builder = builders.computeIfAbsent(segment, s -> new HashMap<>()).computeIfAbsent(variant, v -> new Builder());
                }
                builder.add(units.get(row), values.isNull(row), values.isNull(row) ? 0 : values.get(row));
            }
        }
        Map<String, Map<String, ClusteredValues>> result = new LinkedHashMap<>();
        builders.forEach((segment, byVariant) -> {
            Map<String, ClusteredValues> built = new HashMap<>();
            byVariant.forEach((variant, builder) -> built.put(variant, builder.build()));
            result.put(segment, built);
        });
        return result;
    }

    private static <V> V column(VectorSchemaRoot root, String name, Class<V> type) {
        Object vector = root.getVector(name);
        if (!type.isInstance(vector)) {
            throw new IllegalArgumentException("event-level table: column " + name + " is missing or not a "
                    + type.getSimpleName());
        }
        return type.cast(vector);
    }

    /** Grows primitive arrays: event tables reach tens of millions of rows. */
    private static final class Builder {
        private double[] values = new double[1024];
        private int[] offsets = new int[1024];
        private int valueCount;
        private int unitCount;
        private long lastUnit;

        void add(long unit, boolean noEvent, double value) {
            if (unitCount == 0 || unit != lastUnit) {
                if (unitCount + 1 >= offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[unitCount++] = valueCount;
                lastUnit = unit;
            }
            if (!noEvent) {
                if (valueCount == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                values[valueCount++] = value;
            }
        }

        ClusteredValues build() {
            int[] unitOffsets = Arrays.copyOf(offsets, unitCount + 1);
            unitOffsets[unitCount] = valueCount;
            return new ClusteredValues(Arrays.copyOf(values, valueCount), unitOffsets);
        }
    }
}
