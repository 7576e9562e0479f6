package io.splitscope.metrics;

import io.splitscope.sql.WarehouseSchema;
import io.splitscope.sql.WarehouseSchema.TableSpec;
import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A fact table that metrics aggregate, with the timestamp that places its events in a window.
 * Metrics over the same source are computed together in one scan of it.
 *
 * @param id        stable name of the source ({@code playback})
 * @param table     the contract table
 * @param timestamp the column that places an event in time
 */
public record EventSource(String id, TableSpec table, Field<LocalDateTime> timestamp) {

    /** The alias under which a source's events are joined in metric queries. */
    public static final String EVENTS_ALIAS = "e";

    /** Viewing sessions, placed by their start. */
    public static final EventSource PLAYBACK =
            new EventSource("playback", WarehouseSchema.PLAYBACK, WarehouseSchema.STARTED_AT);

    /** Payments, placed by when they were charged. */
    public static final EventSource PAYMENTS =
            new EventSource("payments", WarehouseSchema.PAYMENTS, WarehouseSchema.PAID_AT);

    /** Cancellations, placed by when they happened. */
    public static final EventSource CANCELLATIONS =
            new EventSource("cancellations", WarehouseSchema.CANCELLATIONS, WarehouseSchema.CANCELLED_AT);

    /** {@code column} of this source's events, as metric expressions refer to it. */
    public <T> Field<T> column(Field<T> column) {
        if (table.columns().stream().noneMatch(c -> c.getName().equals(column.getName()))) {
            throw new IllegalArgumentException("table " + table.name() + " has no column " + column.getName());
        }
        return DSL.field(DSL.name(EVENTS_ALIAS, column.getName()), column.getDataType());
    }

    /** The source table under the events alias. */
    public Table<?> events() {
        return table.table().as(EVENTS_ALIAS);
    }
}
