package io.splitscope.app.cli;

import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.catalog.MetricRepository;
import io.splitscope.metrics.project.Project;
import io.splitscope.metrics.query.MetricSql;
import io.splitscope.sql.dialect.Dialects;
import org.jooq.SQLDialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code metrics show ID [--dialect duckdb|postgres|trino] [--cuped]}: one metric's definition and
 * the SQL it compiles to, for the catalog {@link MetricsCommand}'s options name.
 */
@Command(name = "show", sortOptions = false, sortSynopsis = false, description = "Print one metric's definition and the SQL it compiles to.")
final class MetricsShowCommand extends BaseCommand {

    @ParentCommand
    private MetricsCommand metrics;

    @Parameters(paramLabel = "ID", description = "The metric's id.")
    private String id;

    @Option(names = "--dialect", paramLabel = "duckdb|postgres|trino", defaultValue = "duckdb",
            description = "The SQL dialect (default: ${DEFAULT-VALUE}).")
    private SQLDialect dialect;

    @Option(names = "--cuped", description = "Include the pre-exposure covariate that CUPED reads.")
    private boolean cuped;

    @Override
    public void run() {
        Project project = metrics.project();
        Metric metric;
        try {
            metric = project.metrics().byId(id);
        } catch (MetricRepository.UnknownMetricException e) {
            throw new CommandException(e.getMessage());
        }
        if (cuped && (metric.type() == MetricType.RATIO || metric.type() == MetricType.QUANTILE)) {
            throw new CommandException("metric " + metric.id() + " is a " + metric.type().jsonName()
                    + " metric: CUPED applies to mean and proportion metrics only");
        }
        String sql = MetricSql.render(metric, project.exampleAssignment(metric), dialect, cuped);
        stdout().print(String.join(System.lineSeparator(),
                metric.title() + " (" + metric.id() + ")",
                "type " + metric.type().jsonName() + ", source " + metric.source().id() + ", window " + metric.windowText()
                        + ", " + MetricsCommand.direction(metric),
                "",
                metric.description(),
                "",
                "-- " + Dialects.nameOf(dialect) + " SQL for the example experiment '" + MetricSql.EXAMPLE_ID + "' "
                        + "(an analysis fuses all metrics of a source into one such query)",
                sql,
                ""));
    }
}
