package io.splitscope.metrics.population;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;

import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.UnitFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.Table;

/**
 * Each unit's dimensions ({@code spec/metric-types.md}, "Filters that join unit attributes"): the
 * units' rows LEFT JOINed once to each source the dimensions read, one row per unit once grouped
 * by it (a source has one row per unit: {@code min} picks it); a unit without a row in a source
 * has NULL attributes of that source. Segments read them as text ({@link PopulationQuery#units});
 * unit filters read them as the table
 * {@value UnitFilter#ATTRIBUTES}, with their own types ({@link #table}).
 *
 * @param dimensions the dimensions, in the order given (a segment label's order)
 */
public record UnitAttributes(List<Dimension> dimensions) {

    /** The alias of the first source's rows; the others are {@code m2}, {@code m3}... */
    private static final String SOURCE_ALIAS = "m";

    public UnitAttributes {
        dimensions = List.copyOf(dimensions);
    }

    /** {@code units} LEFT JOIN each dimension source, on the source's unit column = {@code unitId}. */
    Table<?> joinedTo(Table<?> units, Field<Object> unitId) {
        Table<?> joined = units;
        List<Source> sources = sources();
        for (int i = 0; i < sources.size(); i++) {
            String alias = alias(i);
            joined = joined.leftJoin(sources.get(i).as(alias)).on(field(name(alias, sources.get(i).unit())).eq(unitId));
        }
        return joined;
    }

    /** The column of {@code dimension} in the joined rows of {@link #joinedTo}. */
    Field<Object> column(Dimension dimension) {
        return field(name(alias(sources().indexOf(dimension.source())), dimension.column()));
    }

    /**
     * {@code unit_attributes(unit_id, <dimension id>...)}: one row per unit of {@code units} (a
     * table with the columns of {@link PopulationQuery#UNITS}), its attributes named by the
     * dimensions' ids, as {@link Dimension#attribute()} reads them.
     */
    public CommonTableExpression<?> table(DSLContext dsl, Table<?> units) {
        List<SelectField<?>> columns = new ArrayList<>(List.of(PopulationQuery.UNIT_ID));
        dimensions.forEach(dimension -> columns.add(min(column(dimension)).as(dimension.id())));
        return name(UnitFilter.ATTRIBUTES).as(dsl.select(columns)
                .from(joinedTo(units, PopulationQuery.UNIT_ID))
                .groupBy(PopulationQuery.UNIT_ID));
    }

    /** The unit id column of {@link #table}. */
    public static Field<Object> unitId() {
        return field(name(UnitFilter.ATTRIBUTES, PopulationQuery.UNIT_ID.getName()));
    }

    private List<Source> sources() {
        return List.copyOf(new LinkedHashSet<>(dimensions.stream().map(Dimension::source).toList()));
    }

    private static String alias(int index) {
        return index == 0 ? SOURCE_ALIAS : SOURCE_ALIAS + (index + 1);
    }
}
