package io.splitscope.metrics;

import java.util.Objects;

/**
 * A unit attribute that results can be sliced by and units filtered on: column {@code column} of
 * source {@code source}, joined to each unit by the source's unit column. A unit without a row in
 * the source, or with a NULL value, reads {@value #UNKNOWN}.
 *
 * @param id     the name used on the command line, in the API and in JSON ({@code country})
 * @param source the source that holds the attribute, one row per unit
 * @param column the attribute's column
 */
public record Dimension(String id, Source source, String column) {

    /** The segment of a unit whose dimension is not known. */
    public static final String UNKNOWN = "unknown";

    public Dimension {
        Source.requireId("dimension", id);
        Objects.requireNonNull(source, "dimension " + id + " has no source");
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("dimension " + id + " has no column");
        }
    }

    /** The unit's value of this dimension, as a {@link UnitFilter}'s condition reads it. */
    public org.jooq.Field<Object> attribute() {
        return org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(UnitFilter.ATTRIBUTES, id));
    }
}
