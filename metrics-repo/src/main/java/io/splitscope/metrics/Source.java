package io.splitscope.metrics;

import io.splitscope.sql.ContractCheck;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Where rows come from ({@code spec/project.md}, "sources"): a table of the warehouse, or a
 * SELECT in the warehouse's own SQL, with the column that holds the randomised unit and,
 * optionally, the timestamp that places a row in time. Metrics over the same source are computed
 * together in one scan of it.
 *
 * <pre>{@code
 * Source orders = Source.table("orders", "orders").unit("user_id").timestamp("created_at");
 * Source survey = Source.sql("survey", "select user_id, nps from exports.survey").unit("user_id");
 * }</pre>
 *
 * @param id        stable id of the source ({@code orders}): 1–64 characters of {@code A-Za-z0-9_.-}
 * @param relation  what the source reads
 * @param unit      the column that holds the unit id (a string or an integer column)
 * @param timestamp the column that places a row in time, or null for a source without time
 */
public record Source(String id, Relation relation, String unit, String timestamp) {

    /** Ids of sources, assignments, dimensions, experiments and metrics ({@code spec/project.md}). */
    public static final Pattern ID = ContractCheck.ID;

    /** The alias under which a source's rows are joined in metric queries. */
    public static final String EVENTS_ALIAS = "e";

    /** What a source reads: a table or a SELECT. */
    public sealed interface Relation {

        /** The relation as a jOOQ table, unaliased. */
        Table<?> table();

        /** How users know it: the table's name, or the SQL. */
        String describe();
    }

    /** A table (a file stem in a folder warehouse), optionally schema-qualified with dots ({@code shop.orders}). */
    public record TableRelation(String name) implements Relation {
        public TableRelation {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a source's table needs a name");
            }
        }

        @Override
        public Table<?> table() {
            return DSL.table(DSL.name(name.split("\\.")));
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** A SELECT in the warehouse's own SQL, passed through as written. */
    public record SqlRelation(String sql) implements Relation {
        public SqlRelation {
            if (sql == null || sql.isBlank()) {
                throw new IllegalArgumentException("a source's sql is empty");
            }
            sql = sql.strip();
            while (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1).strip();
            }
        }

        @Override
        public Table<?> table() {
            return DSL.table("(" + sql + ")");
        }

        @Override
        public String describe() {
            return sql;
        }
    }

    public Source {
        requireId("source", id);
        Objects.requireNonNull(relation, "source " + id + " has no table or sql");
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("source " + id + " has no unit column");
        }
        if (timestamp != null && timestamp.isBlank()) {
            timestamp = null;
        }
    }

    /** Checks an id of {@code kind} against {@link #ID}, naming both when it does not match. */
    public static String requireId(String kind, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(kind + " id '" + id + "' must be 1 to 64 characters of A-Z, a-z, 0-9, _, . and -");
        }
        return id;
    }

    /** Starts a source over table {@code table}. */
    public static Builder table(String id, String table) {
        return new Builder(id, new TableRelation(table));
    }

    /** Starts a source over a SELECT in the warehouse's SQL. */
    public static Builder sql(String id, String select) {
        return new Builder(id, new SqlRelation(select));
    }

    /** The second step of a source: its unit column. */
    public static final class Builder {
        private final String id;
        private final Relation relation;

        private Builder(String id, Relation relation) {
            this.id = id;
            this.relation = relation;
        }

        /** A source whose unit id is in {@code column}, without a timestamp ({@link #timestamp} adds one). */
        public Source unit(String column) {
            return new Source(id, relation, column, null);
        }
    }

    /** This source with rows placed in time by {@code column}. */
    public Source timestamp(String column) {
        return new Source(id, relation, unit, column);
    }

    /** Whether rows have a timestamp, so that metrics over them have windows. */
    public boolean timed() {
        return timestamp != null;
    }

    /** Column {@code name} of this source's rows, as metric expressions refer to it. */
    public <T> Field<T> column(String name, DataType<T> type) {
        return DSL.field(DSL.name(EVENTS_ALIAS, name), type);
    }

    /** The column of this source named like {@code column}, with its type. */
    public <T> Field<T> column(Field<T> column) {
        return column(column.getName(), column.getDataType());
    }

    /** The unit column of this source's rows. */
    public Field<Object> unitColumn() {
        return DSL.field(DSL.name(EVENTS_ALIAS, unit));
    }

    /**
     * Whether a row's {@code unit} id names a unit: not NULL and, as text, not empty. A row without
     * one names nobody, so it is left out of every population (and with it of every metric) and
     * counted by {@code splitscope check}.
     */
    public static Condition hasUnit(Field<?> unit) {
        return unit.isNotNull().and(unit.cast(SQLDataType.VARCHAR).ne(DSL.inline("")));
    }

    /** The timestamp column of this source's rows, when it has one. */
    public Optional<Field<LocalDateTime>> timestampColumn() {
        return Optional.ofNullable(timestamp).map(name -> column(name, SQLDataType.LOCALDATETIME));
    }

    /** The source's relation under the events alias. */
    public Table<?> events() {
        return as(EVENTS_ALIAS);
    }

    /** The source's relation under {@code alias}. */
    public Table<?> as(String alias) {
        return relation.table().as(alias);
    }
}
