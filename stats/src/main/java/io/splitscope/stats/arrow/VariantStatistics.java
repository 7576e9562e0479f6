package io.splitscope.stats.arrow;

import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.arrow.UnitEventsReader.ClusteredValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * One segment's per-variant sufficient statistics (columns of {@link MomentColumns}), read from
 * Arrow and handed out as the input records of the comparison methods. A variant without a row, and
 * a null sum (a variant with no units in the metric's analysis), read as zero. List columns (a
 * quantile metric's events and per-unit event counts, from an engine that aggregates lists) are
 * kept as arrays and handed out as {@link ClusteredValues}.
 */
public final class VariantStatistics {

    private final Map<String, Map<String, Double>> rows;
    private final Map<String, Map<String, double[]>> lists;

    private VariantStatistics(Map<String, Map<String, Double>> rows, Map<String, Map<String, double[]>> lists) {
        this.rows = rows;
        this.lists = lists;
    }

    /**
     * Reads an unsliced table: its one segment (empty statistics when the table has no row).
     *
     * @throws IllegalArgumentException when the table holds several segments, a text column is
     *                                  missing or a column has another type
     */
    public static VariantStatistics read(ArrowReader reader) throws IOException {
        Map<String, VariantStatistics> segments = readBySegment(reader);
        if (segments.size() > 1) {
            throw new IllegalArgumentException("sufficient statistics: expected one segment, found " + segments.keySet());
        }
        return segments.isEmpty() ? new VariantStatistics(Map.of(), Map.of()) : segments.values().iterator().next();
    }

    /** Reads a table sliced by segment: segment → its statistics, segments in alphabetical order. */
    public static Map<String, VariantStatistics> readBySegment(ArrowReader reader) throws IOException {
        return readBySlice(reader, MomentColumns.SEGMENT);
    }

    /**
     * Reads a table sliced by {@code sliceColumn} (text or integer, e.g. a series' step): slice →
     * its statistics, in the slice column's natural order.
     */
    public static Map<String, VariantStatistics> readBySlice(ArrowReader reader, String sliceColumn) throws IOException {
        Map<Comparable<?>, Map<String, Map<String, Double>>> slices = new TreeMap<>();
        Map<Comparable<?>, Map<String, Map<String, double[]>>> sliceLists = new HashMap<>();
        while (reader.loadNextBatch()) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            FieldVector sliceVector = root.getVector(sliceColumn);
            if (sliceVector == null) {
                throw new IllegalArgumentException("sufficient statistics: column " + sliceColumn + " is missing");
            }
            VarCharVector variants = text(root, MomentColumns.VARIANT);
            for (int row = 0; row < root.getRowCount(); row++) {
                if (variants.isNull(row) || sliceVector.isNull(row)) {
                    continue;
                }
                Comparable<?> slice = sliceKey(sliceVector, row);
                String variant = new String(variants.get(row), StandardCharsets.UTF_8);
                Map<String, Double> values = slices.computeIfAbsent(slice, s -> new HashMap<>())
                        .computeIfAbsent(variant, v -> new HashMap<>());
                for (FieldVector vector : root.getFieldVectors()) {
                    if (vector instanceof ListVector list) {
                        sliceLists.computeIfAbsent(slice, s -> new HashMap<>()).computeIfAbsent(variant, v -> new HashMap<>())
                                .put(vector.getName(), numbers(list, row));
                    } else if (vector != variants && vector != sliceVector && !(vector instanceof VarCharVector)) {
                        values.put(vector.getName(), number(vector, row));
                    }
                }
            }
        }
        Map<String, VariantStatistics> result = new LinkedHashMap<>();
        slices.forEach((slice, rows) -> result.put(slice.toString(),
                new VariantStatistics(rows, sliceLists.getOrDefault(slice, Map.of()))));
        return result;
    }

    /** A slice's key: text sorts alphabetically, integers numerically. */
    private static Comparable<?> sliceKey(FieldVector vector, int row) {
        if (vector instanceof VarCharVector text) {
            return new String(text.get(row), StandardCharsets.UTF_8);
        }
        if (vector instanceof org.apache.arrow.vector.BaseIntVector integers) {
            return integers.getValueAsLong(row);
        }
        throw new IllegalArgumentException("sufficient statistics: slice column " + vector.getName() + " is "
                + vector.getField().getType() + ", expected text or an integer");
    }

    private static VarCharVector text(VectorSchemaRoot root, String column) {
        if (!(root.getVector(column) instanceof VarCharVector vector)) {
            throw new IllegalArgumentException("sufficient statistics: text column " + column + " is missing");
        }
        return vector;
    }

    private static Double number(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof BigIntVector integers) {
            return (double) integers.get(row);
        }
        if (vector instanceof Float8Vector doubles) {
            return doubles.get(row);
        }
        throw new IllegalArgumentException("sufficient statistics: column " + vector.getName() + " is "
                + vector.getField().getType() + ", expected BIGINT or DOUBLE");
    }

    /** A list of doubles or of 64-bit integers as doubles; a null list reads as empty. */
    private static double[] numbers(ListVector list, int row) {
        if (list.isNull(row)) {
            return new double[0];
        }
        int start = list.getElementStartIndex(row);
        double[] numbers = new double[list.getElementEndIndex(row) - start];
        FieldVector data = list.getDataVector();
        for (int i = 0; i < numbers.length; i++) {
            if (data.isNull(start + i)) {
                throw new IllegalArgumentException("sufficient statistics: list column " + list.getName() + " holds a null");
            }
            numbers[i] = switch (data) {
                case Float8Vector doubles -> doubles.get(start + i);
                case BigIntVector integers -> integers.get(start + i);
                default -> throw new IllegalArgumentException("sufficient statistics: list column " + list.getName()
                        + " holds " + data.getField().getType() + ", expected BIGINT or DOUBLE");
            };
        }
        return numbers;
    }

    /**
     * A quantile metric's events in a variant, clustered by unit ({@link MomentColumns#events} and
     * {@link MomentColumns#unitEvents}); no events and no units when the variant has no row.
     *
     * @throws IllegalArgumentException when the columns are missing or disagree on the number of events
     */
    public ClusteredValues events(String metric, String variant) {
        Map<String, double[]> row = lists.get(variant);
        if (row == null && rows.containsKey(variant)) {
            throw new IllegalArgumentException("sufficient statistics: column " + MomentColumns.events(metric) + " is missing");
        }
        if (row == null) {
            return ClusteredValues.NONE;
        }
        double[] values = listColumn(row, MomentColumns.events(metric));
        double[] counts = listColumn(row, MomentColumns.unitEvents(metric));
        int[] offsets = new int[counts.length + 1];
        for (int u = 0; u < counts.length; u++) {
            offsets[u + 1] = offsets[u] + (int) counts[u];
        }
        if (offsets[counts.length] != values.length) {
            throw new IllegalArgumentException("sufficient statistics: " + MomentColumns.unitEvents(metric) + " counts "
                    + offsets[counts.length] + " events, " + MomentColumns.events(metric) + " holds " + values.length);
        }
        return new ClusteredValues(values, offsets);
    }

    private static double[] listColumn(Map<String, double[]> row, String column) {
        double[] list = row.get(column);
        if (list == null) {
            throw new IllegalArgumentException("sufficient statistics: column " + column + " is missing");
        }
        return list;
    }

    /** n, Σy, Σy² of a mean or proportion metric. */
    public Moments moments(String metric, String variant) {
        return moments(variant, MomentColumns.n(metric), MomentColumns.sum(metric), MomentColumns.sumSquares(metric));
    }

    /** The metric and its pre-exposure covariate, for CUPED. */
    public CovariateMoments covariateMoments(String metric, String variant) {
        return new CovariateMoments(moments(metric, variant),
                moments(variant, MomentColumns.n(metric), MomentColumns.covariateSum(metric),
                        MomentColumns.covariateSumSquares(metric)),
                value(variant, MomentColumns.sumProduct(metric)));
    }

    /** The six sums of a ratio metric. */
    public RatioMoments ratioMoments(String metric, String variant) {
        return new RatioMoments(
                moments(variant, MomentColumns.n(metric), MomentColumns.numeratorSum(metric),
                        MomentColumns.numeratorSumSquares(metric)),
                moments(variant, MomentColumns.n(metric), MomentColumns.denominatorSum(metric),
                        MomentColumns.denominatorSumSquares(metric)),
                value(variant, MomentColumns.numeratorDenominatorSum(metric)));
    }

    /** The units of the variant the metric's unit filter drops; 0 for a metric without one (no such column). */
    public long filteredOut(String metric, String variant) {
        Double count = rows.getOrDefault(variant, Map.of()).get(MomentColumns.filteredOut(metric));
        return count == null ? 0 : count.longValue();
    }

    /**
     * The pooled value of a column that is the same on every row ({@link MomentColumns#capLower},
     * {@link MomentColumns#capUpper}), or null when no row has it (not a percentile cap, or no units).
     */
    public Double pooled(String column) {
        return rows.values().stream().map(row -> row.get(column)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private Moments moments(String variant, String n, String sum, String sumSquares) {
        long units = (long) value(variant, n);
        return units == 0 ? new Moments(0, 0, 0) : new Moments(units, value(variant, sum), value(variant, sumSquares));
    }

    private double value(String variant, String column) {
        Map<String, Double> row = rows.get(variant);
        if (row == null) {
            return 0;
        }
        if (!row.containsKey(column)) {
            throw new IllegalArgumentException("sufficient statistics: column " + column + " is missing");
        }
        Double value = row.get(column);
        return value == null ? 0 : value;
    }
}
