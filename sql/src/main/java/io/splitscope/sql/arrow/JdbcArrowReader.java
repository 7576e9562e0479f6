package io.splitscope.sql.arrow;

import io.splitscope.sql.WarehouseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads a JDBC result set as Arrow batches, for the engines without an Arrow export of their own
 * (PostgreSQL, Trino). Results of Splitscope's queries hold few types, and each maps to the Arrow
 * type DuckDB's native export gives, so that readers see the same vectors whatever the engine:
 *
 * <table>
 *   <caption>JDBC types and the Arrow vectors they become</caption>
 *   <tr><th>JDBC</th><th>Arrow</th></tr>
 *   <tr><td>CHAR, VARCHAR (and their long and national forms)</td><td>{@link VarCharVector} (UTF-8)</td></tr>
 *   <tr><td>TINYINT, SMALLINT, INTEGER, BIGINT</td><td>{@link BigIntVector}</td></tr>
 *   <tr><td>REAL, FLOAT, DOUBLE, NUMERIC, DECIMAL</td><td>{@link Float8Vector}</td></tr>
 *   <tr><td>DATE</td><td>{@link DateDayVector}</td></tr>
 *   <tr><td>TIMESTAMP</td><td>{@link TimeStampMicroVector} (no time zone)</td></tr>
 *   <tr><td>TIMESTAMP WITH TIME ZONE</td><td>{@link TimeStampMicroVector}: the instant's UTC date and time,
 *       as the contract's timestamps are</td></tr>
 *   <tr><td>BOOLEAN, BIT</td><td>{@link BitVector}</td></tr>
 * </table>
 *
 * <p>Any other type is refused when the reader is created, naming the column. Batches hold up to
 * {@code batchRows} rows; give the statement the same fetch size so that the driver streams rows
 * instead of holding the whole result. The result set is closed with the reader; the statement
 * and connection stay the caller's.
 */
public final class JdbcArrowReader extends ArrowReader {

    /** The rows per batch engines use by default. */
    public static final int DEFAULT_BATCH_ROWS = 1 << 16;

    private final ResultSet resultSet;
    private final int batchRows;
    private final List<Column> columns;
    private final Schema schema;
    private boolean exhausted;
    private long rowsRead;

    /**
     * @throws WarehouseException when a column has a type this reader does not map
     * @throws SQLException       when the result's metadata cannot be read
     */
    public JdbcArrowReader(ResultSet resultSet, BufferAllocator allocator, int batchRows) throws SQLException {
        super(allocator);
        if (batchRows < 1) {
            throw new IllegalArgumentException("batches hold at least one row, not " + batchRows);
        }
        this.resultSet = resultSet;
        this.batchRows = batchRows;
        this.columns = columns(resultSet.getMetaData());
        this.schema = new Schema(columns.stream().map(Column::field).toList());
    }

    /** A failure of the driver while fetching rows; its cause is the {@link SQLException}. */
    public static final class FetchException extends IOException {
        FetchException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        ensureInitialized();
        VectorSchemaRoot root = getVectorSchemaRoot();
        if (exhausted) {
            root.setRowCount(0);
            return false;
        }
        List<FieldVector> vectors = root.getFieldVectors();
        for (FieldVector vector : vectors) {
            vector.clear();
            vector.allocateNew();
        }
        int row = 0;
        try {
            while (row < batchRows && resultSet.next()) {
                for (int c = 0; c < columns.size(); c++) {
                    columns.get(c).kind.read(resultSet, c + 1, vectors.get(c), row);
                }
                row++;
            }
        } catch (SQLException e) {
            throw new FetchException(e);
        }
        if (row < batchRows) {
            exhausted = true;
        }
        for (FieldVector vector : vectors) {
            vector.setValueCount(row);
        }
        root.setRowCount(row);
        rowsRead += row;
        return row > 0;
    }

    /** Rows read so far (the driver does not tell bytes). */
    @Override
    public long bytesRead() {
        return rowsRead;
    }

    @Override
    protected void closeReadSource() throws IOException {
        try {
            resultSet.close();
        } catch (SQLException e) {
            throw new FetchException(e);
        }
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }

    private record Column(Field field, Kind kind) {
    }

    private static List<Column> columns(ResultSetMetaData metaData) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int c = 1; c <= metaData.getColumnCount(); c++) {
            String name = metaData.getColumnLabel(c);
            Kind kind = Kind.of(metaData.getColumnType(c), metaData.getColumnTypeName(c));
            if (kind == null) {
                throw new WarehouseException("result column " + name + " has the SQL type "
                        + metaData.getColumnTypeName(c) + ", which Splitscope does not read (it reads text, whole numbers, "
                        + "numbers, dates, timestamps and booleans)");
            }
            columns.add(new Column(new Field(name, FieldType.nullable(kind.arrowType), null), kind));
        }
        return columns;
    }

    /** The types results have, how they are read from JDBC and written to Arrow. */
    private enum Kind {
        TEXT(new ArrowType.Utf8()) {
            @Override
            void read(ResultSet rows, int column, FieldVector vector, int row) throws SQLException {
                String value = rows.getString(column);
                if (value == null) {
                    ((VarCharVector) vector).setNull(row);
                } else {
                    ((VarCharVector) vector).setSafe(row, value.getBytes(StandardCharsets.UTF_8));
                }
            }
        },
        WHOLE_NUMBER(new ArrowType.Int(64, true)) {
            @Override
            void read(ResultSet rows, int column, FieldVector vector, int row) throws SQLException {
                long value = rows.getLong(column);
                if (rows.wasNull()) {
                    ((BigIntVector) vector).setNull(row);
                } else {
                    ((BigIntVector) vector).setSafe(row, value);
                }
            }
        },
        NUMBER(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)) {
            @Override
            void read(ResultSet rows, int column, FieldVector vector, int row) throws SQLException {
                double value = rows.getDouble(column);
                if (rows.wasNull()) {
                    ((Float8Vector) vector).setNull(row);
                } else {
                    ((Float8Vector) vector).setSafe(row, value);
                }
            }
        },
        DATE(new ArrowType.Date(DateUnit.DAY)) {
            @Override
            void read(ResultSet rows, int column, FieldVector vector, int row) throws SQLException {
                LocalDate value = rows.getObject(column, LocalDate.class);
                if (value == null) {
                    ((DateDayVector) vector).setNull(row);
                } else {
                    ((DateDayVector) vector).setSafe(row, Math.toIntExact(value.toEpochDay()));
                }
            }
        },
        TIMESTAMP(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)) {
            @Override
            void read(ResultSet rows, int column, FieldVector vector, int row) throws SQLException {
                LocalDateTime value = rows.getObject(column, LocalDateTime.class);
                if (value == null) {
                    ((TimeStampMicroVector) vector).setNull(row);
                } else {
                    ((TimeStampMicroVector) vector).setSafe(row, micros(value.toEpochSecond(ZoneOffset.UTC), value.getNano()));
                }
            }
        },
        /** An instant, as the UTC date and time of the contract's timestamps. */
        TIMESTAMP_UTC(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)) {
            @Override
            void read(ResultSet rows, int column, FieldVector vector, int row) throws SQLException {
                OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
                if (value == null) {
                    ((TimeStampMicroVector) vector).setNull(row);
                } else {
                    ((TimeStampMicroVector) vector).setSafe(row, micros(value.toEpochSecond(), value.getNano()));
                }
            }
        },
        /** An instant from a driver that hands out {@link Instant}s but no {@link OffsetDateTime}s (Trino's). */
        TIMESTAMP_INSTANT(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)) {
            @Override
            void read(ResultSet rows, int column, FieldVector vector, int row) throws SQLException {
                Instant value = rows.getObject(column, Instant.class);
                if (value == null) {
                    ((TimeStampMicroVector) vector).setNull(row);
                } else {
                    ((TimeStampMicroVector) vector).setSafe(row, micros(value.getEpochSecond(), value.getNano()));
                }
            }
        },
        BOOLEAN(ArrowType.Bool.INSTANCE) {
            @Override
            void read(ResultSet rows, int column, FieldVector vector, int row) throws SQLException {
                boolean value = rows.getBoolean(column);
                if (rows.wasNull()) {
                    ((BitVector) vector).setNull(row);
                } else {
                    ((BitVector) vector).setSafe(row, value ? 1 : 0);
                }
            }
        };

        final ArrowType arrowType;

        Kind(ArrowType arrowType) {
            this.arrowType = arrowType;
        }

        abstract void read(ResultSet rows, int column, FieldVector vector, int row) throws SQLException;

        static long micros(long epochSecond, int nano) {
            return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nano / 1_000);
        }

        /** The kind of a JDBC column type, or null when results never hold it. */
        static Kind of(int sqlType, String typeName) {
            String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
            return switch (sqlType) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> TEXT;
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> WHOLE_NUMBER;
                case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> NUMBER;
                case Types.DATE -> DATE;
                // PostgreSQL's driver reports timestamptz as TIMESTAMP; its type name tells them apart.
                case Types.TIMESTAMP -> name.equals("timestamptz") ? TIMESTAMP_UTC : TIMESTAMP;
                // Trino's driver names it "timestamp(6) with time zone" and reads it as an Instant.
                case Types.TIMESTAMP_WITH_TIMEZONE -> name.endsWith("with time zone") ? TIMESTAMP_INSTANT : TIMESTAMP_UTC;
                case Types.BOOLEAN, Types.BIT -> BOOLEAN;
                default -> null;
            };
        }
    }
}
