package io.splitscope.app.cli;

import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.project.Project;
import io.splitscope.metrics.project.ProjectFile;
import io.splitscope.sql.JdbcUrls;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The project a command works on: {@code --project FILE} (a project file, {@code spec/project.md};
 * {@code --warehouse SOURCE} beside it points the same project at another warehouse, e.g. the
 * same tables in PostgreSQL), or {@code --warehouse SOURCE} alone (the streaming preset of
 * {@code spec/warehouse.md}); {@code --catalog} adds metric catalogs.
 */
final class ProjectOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--project", paramLabel = "FILE", description = "The project file that describes your tables.")
    private Path file;

    @Option(names = "--warehouse", paramLabel = "SOURCE",
            description = "The warehouse: alone, one with the tables of the warehouse contract; with --project, "
                    + "where the project's tables are instead.")
    private String warehouse;

    @Mixin
    private CatalogOption catalog;

    /**
     * @throws ParameterException when neither {@code --project} nor {@code --warehouse} is given
     */
    Project required() {
        return optional().orElseThrow(() -> new ParameterException(command.commandLine(), "give --project FILE or --warehouse SOURCE"));
    }

    /** The project of the options, or empty when neither is given. */
    Optional<Project> optional() {
        List<Path> jars = catalog.jars();
        if (file == null) {
            return Optional.ofNullable(warehouse).map(source -> StreamingPreset.project(source, jars));
        }
        Project project = ProjectFile.load(file, jars);
        return Optional.of(warehouse == null ? project : project.withWarehouse(warehouse));
    }

    /** The jars of {@code --catalog}. */
    List<Path> catalogJars() {
        return catalog.jars();
    }

    /** What a command says it opens: the project and its warehouse, without secrets. */
    static String describe(Project project) {
        return (project.name().equals(StreamingPreset.NAME) ? "" : project.name() + " on ")
                + JdbcUrls.redact(project.warehouse());
    }
}
