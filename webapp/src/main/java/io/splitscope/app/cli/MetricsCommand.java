package io.splitscope.app.cli;

import io.splitscope.analysis.text.TextTable;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.project.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code metrics [--project FILE]} lists the catalog (the project file's, or the streaming
 * preset's); {@code metrics show ID} ({@link MetricsShowCommand}) prints one metric.
 */
@Command(name = "metrics", sortOptions = false, sortSynopsis = false, subcommands = MetricsShowCommand.class,
        description = {"List the metric catalog.", "The project file's, or without one the streaming preset's; "
                + "'metrics show ID' prints one metric and its SQL."})
final class MetricsCommand extends BaseCommand {

    @Mixin
    private ProjectOptions project;

    @Override
    public void run() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "type", "source", "window", "direction", "title"));
        for (Metric metric : project().metrics().all()) {
            rows.add(List.of(metric.id(), metric.kind().jsonName(), metric.source().id(), metric.windowText(),
                    direction(metric), metric.title()));
        }
        stdout().print(TextTable.render(rows));
    }

    /** The project file's, or the streaming preset's, catalog; a bad catalog is one line naming the metric. */
    Project project() {
        try {
            return project.optional().orElseGet(() -> StreamingPreset.project(null, project.catalogJars()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandException("the metric catalog cannot be loaded: " + e.getMessage());
        }
    }

    /** {@code higher is better}, and whether the metric is a guardrail. */
    static String direction(Metric metric) {
        return metric.direction().name().toLowerCase(Locale.ROOT).replace('_', ' ') + (metric.guardrail() ? ", guardrail" : "");
    }
}
