package io.splitscope.metrics.project;

import io.splitscope.metrics.DidYouMean;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.UnitFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;

/**
 * Compiles a {@code unit_filter} of a project file ({@code spec/metric-types.md}, "Filters that join
 * unit attributes"): SQL over the project's declared dimensions, parsed as every other expression
 * ({@link SqlExpressions}) but each name made the unit's attribute ({@link Dimension#attribute()}).
 * A name that is no dimension is a mistake naming the dimensions there are.
 */
final class UnitFilters {

    static final String KEY = "unit_filter";

    private UnitFilters() {
    }

    /** The unit filter of {@code section}'s {@value #KEY}; empty when there is none or, with a mistake, when it does not compile. */
    static Optional<UnitFilter> compile(Section section, Declared<Dimension> dimensions) {
        Optional<YamlNode.Scalar> scalar = section.scalar(KEY);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        SqlExpression<Condition> expression;
        try {
            expression = SqlExpressions.condition(scalar.get().text(), SqlExpressions.Columns.UNIT_ATTRIBUTES);
        } catch (SqlExpressions.InvalidExpression e) {
            section.error(KEY, scalar.get(), e);
            return Optional.empty();
        }
        List<Dimension> read = new ArrayList<>();
        for (String name : expression.columns()) {
            Dimension dimension = dimensions.compiled().get(name);
            if (dimension != null) {
                read.add(dimension);
            } else if (!dimensions.declared().contains(name)) {
                section.error(KEY, "no dimension '" + name + "': a unit filter reads the project's dimensions ("
                        + (dimensions.ids().isEmpty() ? "it declares none" : String.join(", ", dimensions.ids())) + ")"
                        + DidYouMean.suffix(name, dimensions.ids()));
            }
        }
        if (read.size() < expression.columns().size()) {
            return Optional.empty();
        }
        if (read.isEmpty()) {
            section.error(KEY, "a unit filter tests dimensions (e.g. country = 'DE'), and '" + scalar.get().text().strip()
                    + "' names none");
            return Optional.empty();
        }
        return Optional.of(new UnitFilter(scalar.get().text(), expression.part(), read));
    }
}
