package io.splitscope.stats.arrow;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Reads an event-level table (segment, variant, unit_id — a string or an integer —, value; ordered by segment, variant and
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
            FieldVector units = column(root, MomentColumns.UNIT_ID, FieldVector.class);
            Float8Vector values = column(root, MomentColumns.VALUE, Float8Vector.class);
            Builder builder = null;
            for (int row = 0; row < root.getRowCount(); row++) {
                if (!RowKeys.sameAsPrevious(segments, row) || !RowKeys.sameAsPrevious(variants, row)) {
                    String segment = RowKeys.string(segments, row);
                    String variant = RowKeys.string(variants, row);
                    builder = builders.computeIfAbsent(segment, s -> new HashMap<>()).computeIfAbsent(variant, v -> new Builder());
                }
                // rows of one unit are adjacent; the first row of a batch may continue the last unit of the one before
                boolean newUnit = row == 0 ? !builder.continues(units.getObject(0)) : !sameUnit(units, row);
                builder.add(newUnit ? unitKey(units, row) : null, values.isNull(row), values.isNull(row) ? 0 : values.get(row));
            }
            if (builder != null) {
                builder.lastUnit = units.getObject(root.getRowCount() - 1);
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

    /**
     * A unit id that orders as every engine's {@code order by} on a byte-ordered collation does:
     * integers by value, strings by their UTF-8 bytes (DuckDB, Trino, PostgreSQL's {@code C}).
     */
    private static Comparable<?> unitKey(FieldVector units, int row) {
        return switch (units) {
            case BigIntVector integers -> integers.get(row);
            case VarCharVector strings -> new Utf8Key(strings.get(row));
            default -> new Utf8Key(String.valueOf(units.getObject(row)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
    }

    /** A string unit id compared by its UTF-8 bytes, unsigned. */
    private record Utf8Key(byte[] bytes) implements Comparable<Utf8Key> {
        @Override
        public int compareTo(Utf8Key other) {
            return Arrays.compareUnsigned(bytes, other.bytes);
        }
    }

    /** Whether row {@code row} holds the same unit id, a string or an integer, as the row before it. */
    private static boolean sameUnit(FieldVector units, int row) {
        return switch (units) {
            case BigIntVector integers -> integers.get(row) == integers.get(row - 1);
            case VarCharVector strings -> RowKeys.sameAsPrevious(strings, row);
            default -> java.util.Objects.equals(units.getObject(row), units.getObject(row - 1));
        };
    }

    private static <V> V column(VectorSchemaRoot root, String name, Class<V> type) {
        Object vector = root.getVector(name);
        if (!type.isInstance(vector)) {
            throw new IllegalArgumentException("event-level table: column " + name + " is missing or not a "
                    + type.getSimpleName());
        }
        return type.cast(vector);
    }

    /**
     * Grows primitive arrays: event tables reach tens of millions of rows. Units come out ordered by
     * id ({@link #unitKey}) whatever order the engine sent them in: a PostgreSQL database with a
     * language collation orders text differently, and the seeded bootstrap draws units by position.
     */
    private static final class Builder {
        private double[] values = new double[1024];
        private int[] offsets = new int[1024];
        private final java.util.List<Comparable<?>> ids = new java.util.ArrayList<>();
        private int valueCount;
        private int unitCount;
        /** The unit of the last row of the previous batch, when it was this variant's. */
        private Object lastUnit;

        boolean continues(Object unit) {
            return unitCount > 0 && lastUnit != null && lastUnit.equals(unit);
        }

        /** A row; {@code newUnit} is the id of the unit it starts, null when it continues the last one. */
        void add(Comparable<?> newUnit, boolean noEvent, double value) {
            if (newUnit != null) {
                if (unitCount + 1 >= offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[unitCount++] = valueCount;
                ids.add(newUnit);
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
            ClusteredValues read = new ClusteredValues(Arrays.copyOf(values, valueCount), unitOffsets);
            return inIdOrder() ? read : sortedById(read);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private int compare(int a, int b) {
            return ((Comparable) ids.get(a)).compareTo(ids.get(b));
        }

        private boolean inIdOrder() {
            for (int u = 1; u < unitCount; u++) {
                if (compare(u - 1, u) > 0) {
                    return false;
                }
            }
            return true;
        }

        private ClusteredValues sortedById(ClusteredValues read) {
            Integer[] order = new Integer[unitCount];
            Arrays.setAll(order, u -> u);
            Arrays.sort(order, this::compare);
            double[] sorted = new double[valueCount];
            int[] sortedOffsets = new int[unitCount + 1];
            int next = 0;
            for (int u = 0; u < unitCount; u++) {
                int from = read.unitOffsets()[order[u]];
                int to = read.unitOffsets()[order[u] + 1];
                sortedOffsets[u] = next;
                System.arraycopy(read.values(), from, sorted, next, to - from);
                next += to - from;
            }
            sortedOffsets[unitCount] = next;
            return new ClusteredValues(sorted, sortedOffsets);
        }
    }
}
