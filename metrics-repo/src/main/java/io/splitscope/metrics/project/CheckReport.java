package io.splitscope.metrics.project;

import io.splitscope.metrics.population.Population;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What {@code splitscope check} reports about a project whose file and warehouse agree: per source,
 * its rows, units and unit type; per experiment (declared and discovered), its units per variant.
 *
 * @param sources     every source of the project, in the order of the file
 * @param experiments every experiment, in the order of the catalog (the most recently started first)
 */
public record CheckReport(List<SourceReport> sources, List<ExperimentReport> experiments) {

    public CheckReport {
        sources = List.copyOf(sources);
        experiments = List.copyOf(experiments);
    }

    /**
     * @param id             the source
     * @param rows           its rows
     * @param units          its distinct non-NULL unit ids
     * @param unitType       the type of its unit ids
     * @param rowsWithoutUnit its rows whose unit id is NULL or empty, left out of every population and metric
     * @param where          its table (or "sql") and unit column, for the line about those rows
     */
    public record SourceReport(String id, long rows, long units, UnitType unitType, long rowsWithoutUnit, String where) {

        /**
         * One line about the rows without a unit id, e.g. {@code source assignments (table
         * assignment_log, column user_id): 2 rows without a unit id (NULL or empty), left out of
         * every population and metric}; empty when there are none.
         */
        public Optional<String> rowsWithoutUnitLine() {
            return rowsWithoutUnit == 0 ? Optional.empty() : Optional.of("source " + id + " (" + where + "): "
                    + rowsWithoutUnit + (rowsWithoutUnit == 1 ? " row" : " rows")
                    + " without a unit id (NULL or empty), left out of every population and metric");
        }
    }

    /**
     * @param id         the experiment
     * @param assignment the assignment whose rows hold its exposures
     * @param declared   whether the file declares it (else it was discovered in the assignment's log)
     * @param startDate  its first day, or null without timestamps
     * @param endDate    its last day, or null without timestamps
     * @param population its analysed units per variant, crossovers and invalid exposures
     */
    public record ExperimentReport(String id, String assignment, boolean declared, LocalDate startDate, LocalDate endDate,
                                   Population population) {
    }
}
