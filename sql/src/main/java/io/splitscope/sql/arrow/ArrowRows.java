package io.splitscope.sql.arrow;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.util.Text;

/**
 * Copies a small Arrow result (experiments, population counts: tens of rows) into Java rows.
 * Large results stay in Arrow; this is for the handful of rows that describe an experiment.
 */
public final class ArrowRows {

    private ArrowRows() {
    }

    /** One row of a result, read by column name. */
    public record Row(Map<String, Object> values) {

        public String string(String column) {
            Object value = values.get(column);
            return value == null ? null : value.toString();
        }

        public LocalDate date(String column) {
            return (LocalDate) values.get(column);
        }

        public java.time.LocalDateTime dateTime(String column) {
            return (java.time.LocalDateTime) values.get(column);
        }

        public double doubleValue(String column) {
            return number(column).doubleValue();
        }

        public long longValue(String column) {
            return number(column).longValue();
        }

        private Number number(String column) {
            Object value = values.get(column);
            if (value == null) {
                return 0;
            }
            if (value instanceof Number number) {
                return number;
            }
            throw new IllegalStateException("column " + column + " holds " + value + ", not a number");
        }
    }

    public static List<Row> read(ArrowReader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        while (reader.loadNextBatch()) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            for (int index = 0; index < root.getRowCount(); index++) {
                Map<String, Object> values = new HashMap<>();
                for (FieldVector vector : root.getFieldVectors()) {
                    values.put(vector.getName(), value(vector, index));
                }
                rows.add(new Row(values));
            }
        }
        return rows;
    }

    private static Object value(FieldVector vector, int index) {
        if (vector.isNull(index)) {
            return null;
        }
        if (vector instanceof DateDayVector dates) {
            return LocalDate.ofEpochDay(dates.get(index));
        }
        Object value = vector.getObject(index);
        return value instanceof Text text ? text.toString() : value;
    }
}
