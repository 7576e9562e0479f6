package io.splitscope;

import io.splitscope.analysis.AnalysisException;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.metrics.project.ProjectFile;
import java.nio.file.Path;
import java.util.List;

/**
 * Splitscope from code (JShell, a notebook, a test): opens a project or a warehouse and analyses
 * its experiments exactly as {@code splitscope analyze} and the web app do, with no web server.
 *
 * <pre>{@code
 * try (Splitscope splitscope = Splitscope.open(Path.of("shop/splitscope.yaml"))) {
 *     System.out.println(splitscope.experiment("new_checkout").scorecard());  // the table of `analyze`
 *     String json = splitscope.experiment("new_checkout").metrics("conversion").method("cuped").json();
 * }
 * }</pre>
 *
 * <p>{@link #service()} gives the whole {@link AnalysisService} (series, quantile curves,
 * verification in R) for what this class does not cover.
 */
public final class Splitscope implements AutoCloseable {

    private final AnalysisService service;

    private Splitscope(AnalysisService service) {
        this.service = service;
    }

    /**
     * Opens the project of a project file ({@code splitscope.yaml}, {@code spec/project.md}) and
     * checks its warehouse against it, as {@code splitscope analyze --project} does.
     *
     * @throws io.splitscope.metrics.project.ProjectException listing every mistake of the file, or
     *                                                        what its warehouse lacks
     * @throws io.splitscope.sql.WarehouseException           when the warehouse cannot be opened
     */
    public static Splitscope open(Path projectFile) {
        return new Splitscope(AnalysisService.open(ProjectFile.load(projectFile)));
    }

    /**
     * Opens a warehouse of the standard streaming schema ({@code spec/warehouse.md}): a folder of
     * CSV or Parquet files, a DuckDB file, or a PostgreSQL or Trino JDBC URL.
     *
     * @throws io.splitscope.sql.WarehouseException when it cannot be opened or breaks the contract
     */
    public static Splitscope open(String warehouse) {
        return new Splitscope(AnalysisService.open(warehouse));
    }

    /** The ids of the experiments, declared or discovered, in the project's order. */
    public List<String> experiments() {
        return service.experiments().stream().map(Experiment::id).toList();
    }

    /** The ids of the project's metrics. */
    public List<String> metrics() {
        return service.metrics().stream().map(Metric::id).toList();
    }

    /**
     * One experiment, to analyse with the default metrics and methods or as its methods say.
     *
     * @throws AnalysisException for an experiment the project does not know (naming the ones it does),
     *                           or one that cannot be analysed
     */
    public ExperimentAnalysis experiment(String id) {
        return ExperimentAnalysis.of(service, service.analysable(id).id());
    }

    /** The analysis service behind this object, for everything else it computes. */
    public AnalysisService service() {
        return service;
    }

    @Override
    public void close() {
        service.close();
    }
}
