package io.splitscope.sql;

import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.Field;

/**
 * The checks every engine makes when it opens a warehouse, and their one-line messages, written
 * once so that a broken warehouse reads the same whatever engine holds it:
 * <ul>
 *   <li>{@code table playback is missing: expected playback.parquet or playback.csv in /data/wh}</li>
 *   <li>{@code table playback (playback.csv): column watch_seconds is missing (found: unit_id, …)}</li>
 *   <li>{@code table exposures (exposures.csv): column unit_id holds 'u-2', which is not a whole number}</li>
 *   <li>{@code table exposures (public.exposures): column unit_id has type text, which is not a whole number}</li>
 *   <li>{@code table experiments: experiment_id 'exp a' breaks the rule 1-64 characters of A-Za-z0-9_.-}</li>
 * </ul>
 * The engine says where a table was expected and how users know it (its label: a file name, a
 * schema-qualified table name).
 */
public final class ContractCheck {

    private ContractCheck() {
    }

    /** What a contract column holds, as users are told it. */
    public enum Kind {
        /** {@code bigint} and {@code integer} columns. */
        WHOLE_NUMBER("whole number"),
        /** {@code double} columns. */
        NUMBER("number"),
        /** {@code varchar} columns. */
        TEXT("text"),
        /** {@code date} columns. */
        DATE("date (YYYY-MM-DD)"),
        /** {@code timestamp} columns (UTC, without time zone). */
        TIMESTAMP("timestamp (YYYY-MM-DD HH:MM:SS)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** How messages name it ({@code "whole number"}). */
        public String description() {
            return description;
        }

        /** The kind of a contract column. */
        public static Kind of(Field<?> column) {
            return of(column.getDataType());
        }

        /** The kind of a contract column type. */
        public static Kind of(DataType<?> type) {
            Class<?> javaType = type.getType();
            if (javaType == Long.class || javaType == Integer.class) {
                return WHOLE_NUMBER;
            } else if (javaType == Double.class) {
                return NUMBER;
            } else if (javaType == String.class) {
                return TEXT;
            } else if (javaType == LocalDate.class) {
                return DATE;
            } else if (javaType == LocalDateTime.class) {
                return TIMESTAMP;
            }
            throw new IllegalStateException("no kind for the contract type " + type);
        }
    }

    /** {@code table T is missing: expected EXPECTED}. */
    public static WarehouseException missingTable(TableSpec table, String expected) {
        return new WarehouseException("table " + table.name() + " is missing: expected " + expected);
    }

    /**
     * Checks that every contract column of {@code table} is among {@code found} (lower-case names).
     *
     * @throws WarehouseException {@code table T (LABEL): column C is missing (found: a, b)}
     */
    public static void requireColumns(TableSpec table, String label, Collection<String> found) {
        for (Field<?> column : table.columns()) {
            if (!found.contains(column.getName())) {
                throw new WarehouseException("table " + table.name() + " (" + label + "): column " + column.getName()
                        + " is missing (found: " + String.join(", ", found) + ")");
            }
        }
    }

    /** {@code table T (LABEL): column C holds 'VALUE', which is not a KIND}. */
    public static WarehouseException badValue(TableSpec table, String label, Field<?> column, String value) {
        return new WarehouseException("table " + table.name() + " (" + label + "): column " + column.getName()
                + " holds '" + value + "', which is not a " + Kind.of(column).description());
    }

    /** {@code table T (LABEL): column C has type TYPE, which is not a KIND}. */
    public static WarehouseException wrongType(TableSpec table, String label, Field<?> column, String type) {
        return new WarehouseException("table " + table.name() + " (" + label + "): column " + column.getName()
                + " has type " + type.toLowerCase(Locale.ROOT) + ", which is not a " + Kind.of(column).description());
    }

    /**
     * Checks each contract column's engine type with {@code accepts}, which says whether an engine
     * type name can stand for a kind.
     *
     * @param types the engine's column types by lower-case column name (every contract column present)
     * @throws WarehouseException {@link #wrongType} for the first column whose type is not accepted
     */
    public static void requireTypes(TableSpec table, String label, Map<String, String> types,
                                    BiPredicate<Kind, String> accepts) {
        for (Field<?> column : table.columns()) {
            String type = types.get(column.getName());
            if (!accepts.test(Kind.of(column), type)) {
                throw wrongType(table, label, column, type);
            }
        }
    }

    /**
     * Checks the contract tables of a database schema: each is there, with every contract column,
     * of a type {@code accepts} takes ({@link #requireColumns}, {@link #requireTypes}).
     *
     * @param contract    the tables to check
     * @param columns     table → lower-case column name → engine type, as the engine lists them
     * @param schema      how users know the schema ({@code public}, {@code hive.experiments}); labels
     *                    the tables {@code SCHEMA.TABLE}
     * @param description the database, for the message of a missing table
     * @throws WarehouseException {@code table T is missing: expected a table or view named T in schema S of D},
     *                            or the message of {@link #requireColumns} or {@link #requireTypes}
     */
    public static void requireTables(List<TableSpec> contract, Map<String, Map<String, String>> columns, String schema,
                                     String description, BiPredicate<Kind, String> accepts) {
        for (TableSpec table : contract) {
            Map<String, String> types = columns.get(table.name());
            if (types == null) {
                throw missingTable(table, "a table or view named " + table.name() + " in schema " + schema
                        + " of " + description);
            }
            String label = schema + "." + table.name();
            requireColumns(table, label, types.keySet());
            requireTypes(table, label, types, accepts);
        }
    }

    /** The rule of an experiment id ({@code spec/warehouse.md}, table experiments), as messages state it. */
    private static final String EXPERIMENT_ID_RULE = "1-64 characters of A-Za-z0-9_.-";

    /**
     * The ids of experiments ({@code spec/warehouse.md}) and of everything a project file names
     * ({@code spec/project.md}): sources, assignments, dimensions, experiments, metrics.
     */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /**
     * Checks the ids of the experiments table: each follows {@link #EXPERIMENT_ID_RULE} (an id
     * outside it cannot be reached through the API's paths) and none is on two rows (the second
     * could never be analysed).
     *
     * @param ids the experiment_id column, one entry a row (NULL as null)
     * @throws WarehouseException {@code table experiments: experiment_id 'a b' breaks the rule 1-64
     *                            characters of A-Za-z0-9_.-}, or {@code table experiments: experiment_id
     *                            'exp_x' is on 2 rows, but an experiment has one}
     */
    public static void requireExperimentIds(List<String> ids) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String id : ids) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new WarehouseException("table experiments: experiment_id " + (id == null ? "NULL" : "'" + id + "'")
                        + " breaks the rule " + EXPERIMENT_ID_RULE);
            }
            rows.merge(id, 1L, Long::sum);
        }
        rows.forEach((id, count) -> {
            if (count > 1) {
                throw new WarehouseException("table experiments: experiment_id '" + id + "' is on " + count
                        + " rows, but an experiment has one");
            }
        });
    }

    /** The first line of a driver's message, trimmed: messages of Splitscope are one line. */
    public static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
