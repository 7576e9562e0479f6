package io.splitscope.app.cli;

import io.splitscope.analysis.text.TextTable;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.catalog.MetricRepository;
import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.project.Project;
import io.splitscope.metrics.query.MetricSql;
import io.splitscope.sql.dialect.Dialects;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.SQLDialect;

/**
 * {@code metrics} lists the catalog; {@code metrics show ID [--dialect duckdb|postgres|trino]}
 * prints one metric's definition and the SQL it compiles to.
 */
final class MetricsCommand {

    static final String USAGE = "metrics [--project FILE] [--catalog JAR,...] [show ID [--dialect duckdb|postgres|trino] [--cuped]]";

    private MetricsCommand() {
    }

    static void run(List<String> arguments, PrintStream stdout) {
        int show = arguments.indexOf("show");
        List<String> common = show < 0 ? arguments : arguments.subList(0, show);
        Project project = loadProject(Arguments.parse(common, ProjectOption.NAMES, Set.of("debug")));
        MetricRepository repository = project.metrics();
        if (show < 0) {
            stdout.print(list(repository.all()));
            return;
        }
        if (arguments.size() < show + 2 || arguments.get(show + 1).startsWith("--")) {
            throw new UsageException("expected 'metrics' or 'metrics show ID'");
        }
        Arguments options = Arguments.parse(arguments.subList(show + 2, arguments.size()), Set.of("dialect"),
                Set.of("cuped", "debug"));
        SQLDialect dialect;
        try {
            dialect = Dialects.forName(options.optional("dialect").orElse("duckdb"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --dialect: " + e.getMessage());
        }
        String dialectName = Dialects.nameOf(dialect);
        Metric metric;
        try {
            metric = repository.byId(arguments.get(show + 1));
        } catch (MetricRepository.UnknownMetricException e) {
            throw new CommandException(e.getMessage());
        }
        boolean covariate = options.flag("cuped");
        if (covariate && (metric.type() == MetricType.RATIO || metric.type() == MetricType.QUANTILE)) {
            throw new CommandException("metric " + metric.id() + " is a " + metric.type().jsonName()
                    + " metric: CUPED applies to mean and proportion metrics only");
        }
        stdout.print(show(metric, dialectName, MetricSql.render(metric, project.exampleAssignment(metric), dialect, covariate)));
    }

    /** A bad catalog (a duplicate id, an invalid definition) is reported as one line naming the metric. */
    /** The project file's, or the streaming preset's, catalog. */
    private static Project loadProject(Arguments options) {
        try {
            return ProjectOption.optional(options)
                    .orElseGet(() -> StreamingPreset.project(null, ProjectOption.catalogJars(options)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandException("the metric catalog cannot be loaded: " + e.getMessage());
        }
    }

    private static String list(List<Metric> metrics) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "type", "source", "window", "direction", "title"));
        for (Metric metric : metrics) {
            rows.add(List.of(metric.id(), metric.type().jsonName(), metric.source().id(), metric.windowText(),
                    direction(metric) + (metric.guardrail() ? ", guardrail" : ""), metric.title()));
        }
        return TextTable.render(rows);
    }

    private static String show(Metric metric, String dialect, String sql) {
        return String.join(System.lineSeparator(),
                metric.title() + " (" + metric.id() + ")",
                "type " + metric.type().jsonName() + ", source " + metric.source().id() + ", window " + metric.windowText()
                        + ", " + direction(metric) + (metric.guardrail() ? ", guardrail" : ""),
                "",
                metric.description(),
                "",
                "-- " + dialect + " SQL for the example experiment '" + MetricSql.EXAMPLE_ID + "' "
                        + "(an analysis fuses all metrics of a source into one such query)",
                sql,
                "");
    }

    private static String direction(Metric metric) {
        return metric.direction().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
