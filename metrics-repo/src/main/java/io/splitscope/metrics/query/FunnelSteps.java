package io.splitscope.metrics.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.UnitValue;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.population.PopulationQuery;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The rows of a source with, for each funnel among its metrics, the columns
 * {@link UnitValue.FunnelReached#column() <funnel>__step<j>}, computed in the same single scan of
 * the source that feeds the other metrics. On every row of a unit the column holds the position
 * (below) of the row matched to step j, or NULL when the unit did not complete steps 1..j.
 *
 * <p>The matching rule, for a funnel of k steps in a window W with filter F: a row passes step i
 * when it passes step i's filter, F, and lies in W (before the analysis end with
 * {@code eligibility: all}). A unit's rows in the window join are numbered 1, 2, … (their
 * position) in the order of their timestamp; rows with the same timestamp in the order of the first
 * step they pass (rows passing none last), then of the last step they pass. Greedy, earliest match:
 * step 1's row is the first row that passes step 1; step j's row is the first row after step
 * j−1's row that passes step j. So the rows are distinct and their timestamps never decrease, as
 * the spec ({@code spec/metric-types.md}) asks; a later step that happens before the earlier one
 * does not count, one at the same instant does. With distinct timestamps the greedy match finds
 * a completion whenever one exists; among rows with the same timestamp the order above (earlier
 * first step, then fewer later steps, first) decides which row serves which step, so where such
 * rows pass overlapping sets of steps that are not runs of consecutive steps (one row passing
 * steps 1 and 3 but not 2), another order could in rare cases complete where this one does not.
 * The result is deterministic: rows in a tie on all three keys pass the same steps.
 *
 * <p>SQL: one level numbers the rows and flags each step (0/1), then one nesting level per step
 * takes {@code min(CASE WHEN flag_j = 1 AND pos > step_{j-1} THEN pos END) OVER (PARTITION BY unit)}
 * — window functions with CASE, which DuckDB, PostgreSQL and Trino all render.
 */
final class FunnelSteps {

    private static final String LEVEL = "__funnel";

    private FunnelSteps() {
    }

    /**
     * The source's rows as the per-unit aggregation reads them (alias {@link Source#EVENTS_ALIAS}):
     * the source itself when no metric is a funnel's row; else the rows joined to {@code units} on
     * {@code joinRange}, with each funnel's step columns.
     */
    static Table<?> events(Source source, List<Metric> metrics, Experiment experiment, Table<?> units, Condition joinRange) {
        Map<String, Funnel> funnels = funnels(metrics);
        if (funnels.isEmpty()) {
            return source.events();
        }
        Field<LocalDateTime> time = source.timestampColumn().orElseThrow();
        List<SelectFieldOrAsterisk> first = new ArrayList<>(List.of(source.events().asterisk()));
        for (Funnel funnel : funnels.values()) {
            Condition inWindow = MetricWindows.inWindow(time, funnel.metric(), experiment).and(funnel.metric().filter());
            List<Condition> passes = funnel.steps().stream().map(step -> step.filter().and(inWindow)).toList();
            for (int j = 1; j <= passes.size(); j++) {
                first.add(when(passes.get(j - 1), inline(1)).otherwise(inline(0)).as(funnel.flag(j)));
            }
            first.add(rowNumber().over().partitionBy(source.unitColumn())
                    .orderBy(time, firstPassed(passes), lastPassed(passes)).as(funnel.position()));
        }
        Table<?> rows = select(first).from(source.events().join(units).on(source.unitColumn().eq(PopulationQuery.UNIT_ID)
                .and(joinRange))).asTable(LEVEL + 0);
        int levels = funnels.values().stream().mapToInt(funnel -> funnel.steps().size()).max().orElseThrow();
        for (int j = 1; j <= levels; j++) {
            String alias = LEVEL + (j - 1);
            List<SelectFieldOrAsterisk> next = new ArrayList<>(List.of(rows.asterisk()));
            for (Funnel funnel : funnels.values()) {
                if (j > funnel.steps().size()) {
                    continue;
                }
                Field<Long> position = field(name(alias, funnel.position()), SQLDataType.BIGINT);
                Condition matches = field(name(alias, funnel.flag(j)), SQLDataType.INTEGER).eq(inline(1));
                if (j > 1) {
                    matches = matches.and(position.gt(field(name(alias, funnel.step(j - 1)), SQLDataType.BIGINT)));
                }
                next.add(min(when(matches, position)).over().partitionBy(field(name(alias, source.unit())))
                        .as(funnel.step(j)));
            }
            rows = select(next).from(rows).asTable(j == levels ? Source.EVENTS_ALIAS : LEVEL + j);
        }
        return rows;
    }

    /** The funnels whose rows are among {@code metrics}, by funnel id, each with one of its rows (window, filter). */
    private static Map<String, Funnel> funnels(List<Metric> metrics) {
        Map<String, Funnel> funnels = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            UnitValue value = switch (metric.measure()) {
                case Measure.Proportion proportion -> proportion.value();
                case Measure.Ratio ratio -> ratio.numerator();
                default -> null;
            };
            if (value instanceof UnitValue.FunnelReached reached) {
                funnels.putIfAbsent(reached.funnelId(), new Funnel(reached.funnelId(), reached.funnel().steps(), metric));
            }
        }
        return funnels;
    }

    /** The 1-based number of the first step a row passes, k + 1 for none. */
    private static Field<Integer> firstPassed(List<Condition> passes) {
        CaseConditionStep<Integer> first = when(passes.getFirst(), inline(1));
        for (int j = 2; j <= passes.size(); j++) {
            first = first.when(passes.get(j - 1), inline(j));
        }
        return first.otherwise(inline(passes.size() + 1));
    }

    /** The 1-based number of the last step a row passes, 0 for none. */
    private static Field<Integer> lastPassed(List<Condition> passes) {
        CaseConditionStep<Integer> last = when(passes.getLast(), inline(passes.size()));
        for (int j = passes.size() - 1; j >= 1; j--) {
            last = last.when(passes.get(j - 1), inline(j));
        }
        return last.otherwise(inline(0));
    }

    /** A funnel of the source, with one of its scorecard rows ({@code metric}), whose window and filter it shares. */
    private record Funnel(String id, List<Measure.Funnel.Step> steps, Metric metric) {

        String flag(int step) {
            return id + "__passes" + step;
        }

        String position() {
            return id + "__position";
        }

        String step(int step) {
            return new UnitValue.FunnelReached(id, new Measure.Funnel(steps), step).column();
        }
    }
}
