package io.splitscope.stats.arrow;

import io.splitscope.stats.UnitCovariateValues;
import io.splitscope.stats.UnitValues;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Reads a unit-level table (see {@link MomentColumns}) into each metric's per-unit values by
 * segment and variant, skipping units whose window has not elapsed or that the metric's unit
 * filter drops (null values; the latter counted, from {@link MomentColumns#filteredOut} = 1).
 */
public final class UnitValuesReader {

    /**
     * Per segment, variant and metric: the values of the analysed units, and their covariates when
     * read; per segment and metric, the units its unit filter dropped (absent for a metric without one).
     */
    public record UnitData(Map<String, Map<String, Map<String, double[]>>> values,
                           Map<String, Map<String, Map<String, double[]>>> covariates,
                           Map<String, Map<String, Long>> filteredOut) {

        /** The units of {@code segment} (all variants) that the metric's unit filter dropped. */
        public long filteredOut(String segment, String metric) {
            return filteredOut.getOrDefault(segment, Map.of()).getOrDefault(metric, 0L);
        }

        public UnitValues unitValues(String segment, String variant, String metric) {
            return new UnitValues(array(values, segment, variant, metric));
        }

        public UnitCovariateValues unitCovariateValues(String segment, String variant, String metric) {
            return new UnitCovariateValues(array(values, segment, variant, metric), array(covariates, segment, variant, metric));
        }

        /** The segments present, in order. */
        public List<String> segments() {
            return List.copyOf(values.keySet());
        }

        private static double[] array(Map<String, Map<String, Map<String, double[]>>> data, String segment, String variant,
                                      String metric) {
            return data.getOrDefault(segment, Map.of()).getOrDefault(variant, Map.of()).getOrDefault(metric, new double[0]);
        }
    }

    private UnitValuesReader() {
    }

    public static UnitData read(ArrowReader reader, List<String> metricIds, boolean withCovariates) throws IOException {
        Map<String, Map<String, Map<String, Values>>> values = new TreeMap<>();
        Map<String, Map<String, Map<String, Values>>> covariates = new TreeMap<>();
        Map<String, Map<String, Long>> filteredOut = new HashMap<>();
        String[] metrics = metricIds.toArray(String[]::new);
        while (reader.loadNextBatch()) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            VarCharVector segments = (VarCharVector) root.getVector(MomentColumns.SEGMENT);
            VarCharVector variants = (VarCharVector) root.getVector(MomentColumns.VARIANT);
            // per metric, looked up on first need: its columns in this batch, and its values in the
            // current run of rows of one segment and variant
            Float8Vector[] yColumns = new Float8Vector[metrics.length];
            Float8Vector[] xColumns = new Float8Vector[metrics.length];
            Values[] yValues = new Values[metrics.length];
            Values[] xValues = new Values[metrics.length];
            String segment = null;
            String variant = null;
            for (int row = 0; row < root.getRowCount(); row++) {
                if (!RowKeys.sameAsPrevious(segments, row) || !RowKeys.sameAsPrevious(variants, row)) {
                    segment = RowKeys.string(segments, row);
                    variant = RowKeys.string(variants, row);
                    Arrays.fill(yValues, null);
                    Arrays.fill(xValues, null);
                }
                for (int m = 0; m < metrics.length; m++) {
                    Float8Vector y = yColumns[m];
                    if (y == null) {
                        y = yColumns[m] = doubles(root, MomentColumns.unitValue(metrics[m]));
                    }
                    if (y.isNull(row)) {
                        // the unit's window for this metric has not elapsed, or its unit filter drops it
                        if (root.getVector(MomentColumns.filteredOut(metrics[m])) instanceof BaseIntVector dropped
                                && !dropped.isNull(row) && dropped.getValueAsLong(row) == 1) {
                            filteredOut.computeIfAbsent(segment, s -> new HashMap<>()).merge(metrics[m], 1L, Long::sum);
                        }
                        continue;
                    }
                    if (yValues[m] == null) {
                        yValues[m] = values(values, segment, variant, metrics[m]);
                    }
                    yValues[m].add(y.get(row));
                    if (withCovariates) {
                        if (xValues[m] == null) {
                            xValues[m] = values(covariates, segment, variant, metrics[m]);
                        }
                        Float8Vector x = xColumns[m];
                        if (x == null) {
                            x = xColumns[m] = doubles(root, MomentColumns.unitCovariate(metrics[m]));
                        }
                        xValues[m].add(x.get(row));
                    }
                }
            }
        }
        return new UnitData(arrays(values), arrays(covariates), filteredOut);
    }

    private static Values values(Map<String, Map<String, Map<String, Values>>> data, String segment, String variant,
                                 String metric) {
        return data.computeIfAbsent(segment, s -> new HashMap<>()).computeIfAbsent(variant, v -> new HashMap<>())
                .computeIfAbsent(metric, m -> new Values());
    }

    private static Map<String, Map<String, Map<String, double[]>>> arrays(Map<String, Map<String, Map<String, Values>>> data) {
        Map<String, Map<String, Map<String, double[]>>> result = new LinkedHashMap<>();
        data.forEach((segment, byVariant) -> {
            Map<String, Map<String, double[]>> variants = new HashMap<>();
            byVariant.forEach((variant, byMetric) -> {
                Map<String, double[]> metrics = new HashMap<>();
                byMetric.forEach((metric, values) -> metrics.put(metric, values.toArray()));
                variants.put(variant, metrics);
            });
            result.put(segment, variants);
        });
        return result;
    }

    private static Float8Vector doubles(VectorSchemaRoot root, String column) {
        FieldVector vector = root.getVector(column);
        if (!(vector instanceof Float8Vector doubles)) {
            throw new IllegalArgumentException("unit-level table: double column " + column + " is missing");
        }
        return doubles;
    }

    /** A growing array of doubles. */
    private static final class Values {
        private double[] data = new double[256];
        private int size;

        void add(double value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
