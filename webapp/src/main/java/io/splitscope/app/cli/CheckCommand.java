package io.splitscope.app.cli;

import io.splitscope.analysis.text.TextTable;
import io.splitscope.metrics.population.Population;
import io.splitscope.metrics.project.CheckReport;
import io.splitscope.metrics.project.CheckResult;
import io.splitscope.metrics.project.CompiledProject;
import io.splitscope.metrics.project.ConfigError;
import io.splitscope.metrics.project.ProjectCheck;
import io.splitscope.metrics.project.ProjectFile;
import io.splitscope.sql.Warehouse;
import io.splitscope.sql.WarehouseException;
import io.splitscope.sql.Warehouses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code check --project FILE} ({@code spec/project.md}, "Command line"): validates a project file
 * against its warehouse. Every mistake goes to standard error, one line each
 * ({@code splitscope.yaml:14: metrics.spend.source: no source 'order'}), and the run fails; without
 * any, standard output gets per source its rows, units and unit type, and per experiment
 * (declared and discovered) its units per variant.
 */
@Command(name = "check", sortOptions = false, sortSynopsis = false, description = {"Validate a project file against its warehouse.",
        "Prints every mistake, one line each, and fails; else per source its rows, units and unit type, "
                + "and per experiment its units per variant."})
final class CheckCommand extends BaseCommand {

    @Option(names = "--project", required = true, paramLabel = "FILE", description = "The project file to check.")
    private Path file;

    @Mixin
    private CatalogOption catalog;

    @Override
    public void run() {
        CompiledProject compiled = ProjectFile.read(file, System::getenv, ProjectFile.javaCatalogs(file, catalog.jars()));
        CheckResult result = check(compiled);
        if (!result.ok()) {
            result.errors().forEach(stderr()::println);
            int count = result.errors().size();
            throw new CommandException(file + ": " + count + " mistake" + (count == 1 ? "" : "s"));
        }
        stdout().print(render(result.report()));
    }

    /** The check against the project's warehouse; the file's mistakes alone when the warehouse cannot be opened. */
    private static CheckResult check(CompiledProject compiled) {
        if (compiled.project() == null || compiled.project().warehouse() == null) {
            return new CheckResult(compiled.errors(), null);
        }
        try (BufferAllocator allocator = new RootAllocator();
             Warehouse warehouse = Warehouses.open(compiled.project().warehouse(), List.of())) {
            return ProjectCheck.run(compiled, warehouse, allocator);
        } catch (WarehouseException e) {
            List<ConfigError> errors = new ArrayList<>(compiled.errors());
            String name = compiled.file().getFileName() == null ? compiled.file().toString()
                    : compiled.file().getFileName().toString();
            errors.add(new ConfigError(name, 0, "warehouse", e.getMessage()));
            return new CheckResult(errors, null);
        }
    }

    static String render(CheckReport report) {
        List<List<String>> sources = new ArrayList<>();
        sources.add(List.of("source", "rows", "units", "unit type"));
        for (CheckReport.SourceReport source : report.sources()) {
            sources.add(List.of(source.id(), Long.toString(source.rows()), Long.toString(source.units()),
                    source.unitType().label()));
        }
        List<List<String>> experiments = new ArrayList<>();
        experiments.add(List.of("experiment", "origin", "assignment", "period", "units per variant", "crossovers",
                "invalid exposures"));
        for (CheckReport.ExperimentReport experiment : report.experiments()) {
            Population population = experiment.population();
            experiments.add(List.of(experiment.id(), experiment.declared() ? "declared" : "discovered",
                    experiment.assignment(), experiment.startDate() == null ? "no timestamps"
                            : experiment.startDate() + " to " + experiment.endDate(),
                    population.units().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")),
                    Long.toString(population.crossoverUnits()), Long.toString(population.invalidExposures())));
        }
        String withoutUnits = report.sources().stream().flatMap(source -> source.rowsWithoutUnitLine().stream())
                .map(line -> line + System.lineSeparator()).collect(Collectors.joining());
        return TextTable.render(sources) + withoutUnits + System.lineSeparator()
                + (report.experiments().isEmpty() ? "no experiments" + System.lineSeparator() : TextTable.render(experiments));
    }
}
