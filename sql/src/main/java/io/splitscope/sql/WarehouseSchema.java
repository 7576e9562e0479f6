package io.splitscope.sql;

import static org.jooq.impl.DSL.field;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The warehouse contract ({@code spec/warehouse.md}) as jOOQ names: every table and column the
 * rest of Splitscope may refer to, written once.
 */
public final class WarehouseSchema {

    private WarehouseSchema() {
    }

    /** A contract table: its name and its columns with their logical types. */
    public record TableSpec(String name, List<Field<?>> columns) {

        public Table<?> table() {
            return DSL.table(DSL.name(name));
        }

        /** The column {@code column} of this table, qualified by an alias of the table. */
        public <T> Field<T> column(Table<?> alias, Field<T> column) {
            return field(DSL.name(alias.getName(), column.getName()), column.getDataType());
        }
    }

    private static <T> Field<T> column(String name, DataType<T> type) {
        return field(DSL.name(name), type);
    }

    public static final Field<String> EXPERIMENT_ID = column("experiment_id", SQLDataType.VARCHAR);
    public static final Field<String> NAME = column("name", SQLDataType.VARCHAR);
    public static final Field<String> HYPOTHESIS = column("hypothesis", SQLDataType.VARCHAR);
    public static final Field<String> OWNER = column("owner", SQLDataType.VARCHAR);
    public static final Field<LocalDate> START_DATE = column("start_date", SQLDataType.LOCALDATE);
    public static final Field<LocalDate> END_DATE = column("end_date", SQLDataType.LOCALDATE);
    public static final Field<String> CONTROL_VARIANT = column("control_variant", SQLDataType.VARCHAR);
    public static final Field<String> VARIANT = column("variant", SQLDataType.VARCHAR);
    public static final Field<Double> WEIGHT = column("weight", SQLDataType.DOUBLE);
    public static final Field<Long> UNIT_ID = column("unit_id", SQLDataType.BIGINT);
    public static final Field<LocalDateTime> EXPOSED_AT = column("exposed_at", SQLDataType.LOCALDATETIME);
    public static final Field<LocalDate> SIGNUP_DATE = column("signup_date", SQLDataType.LOCALDATE);
    public static final Field<String> COUNTRY = column("country", SQLDataType.VARCHAR);
    public static final Field<String> DEVICE = column("device", SQLDataType.VARCHAR);
    public static final Field<String> PLAN = column("plan", SQLDataType.VARCHAR);
    public static final Field<LocalDateTime> STARTED_AT = column("started_at", SQLDataType.LOCALDATETIME);
    public static final Field<Double> WATCH_SECONDS = column("watch_seconds", SQLDataType.DOUBLE);
    public static final Field<Double> STARTUP_MS = column("startup_ms", SQLDataType.DOUBLE);
    public static final Field<Integer> REBUFFERS = column("rebuffers", SQLDataType.INTEGER);
    public static final Field<LocalDateTime> PAID_AT = column("paid_at", SQLDataType.LOCALDATETIME);
    public static final Field<Double> AMOUNT = column("amount", SQLDataType.DOUBLE);
    public static final Field<LocalDateTime> CANCELLED_AT = column("cancelled_at", SQLDataType.LOCALDATETIME);

    public static final TableSpec EXPERIMENTS = new TableSpec("experiments",
            List.of(EXPERIMENT_ID, NAME, HYPOTHESIS, OWNER, START_DATE, END_DATE, CONTROL_VARIANT));
    public static final TableSpec VARIANTS = new TableSpec("variants", List.of(EXPERIMENT_ID, VARIANT, WEIGHT));
    public static final TableSpec EXPOSURES = new TableSpec("exposures",
            List.of(EXPERIMENT_ID, UNIT_ID, VARIANT, EXPOSED_AT));
    public static final TableSpec MEMBERS = new TableSpec("members",
            List.of(UNIT_ID, SIGNUP_DATE, COUNTRY, DEVICE, PLAN));
    public static final TableSpec PLAYBACK = new TableSpec("playback",
            List.of(UNIT_ID, STARTED_AT, WATCH_SECONDS, STARTUP_MS, REBUFFERS));
    public static final TableSpec PAYMENTS = new TableSpec("payments", List.of(UNIT_ID, PAID_AT, AMOUNT));
    public static final TableSpec CANCELLATIONS = new TableSpec("cancellations", List.of(UNIT_ID, CANCELLED_AT));

    /** Every table of the contract, in dependency order (dimensions and experiments first). */
    public static final List<TableSpec> TABLES =
            List.of(EXPERIMENTS, VARIANTS, EXPOSURES, MEMBERS, PLAYBACK, PAYMENTS, CANCELLATIONS);

    /**
     * The contract's DDL for one table in {@code dsl}'s dialect: {@code create table playback
     * (unit_id bigint, started_at timestamp, watch_seconds double precision, …)} on PostgreSQL,
     * {@code double} on DuckDB and Trino.
     */
    public static Query createTable(DSLContext dsl, TableSpec table) {
        return dsl.createTable(table.table()).columns(table.columns());
    }
}
