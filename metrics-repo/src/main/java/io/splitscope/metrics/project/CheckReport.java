package io.splitscope.metrics.project;

import io.splitscope.metrics.population.Population;
import java.time.LocalDate;
import java.util.List;

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
     * @param id       the source
     * @param rows     its rows
     * @param units    its distinct non-NULL unit ids
     * @param unitType the type of its unit ids
     */
    public record SourceReport(String id, long rows, long units, UnitType unitType) {
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
