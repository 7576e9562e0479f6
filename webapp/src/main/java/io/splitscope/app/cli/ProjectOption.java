package io.splitscope.app.cli;

import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.project.Project;
import io.splitscope.metrics.project.ProjectFile;
import io.splitscope.sql.JdbcUrls;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The project a command works on: {@code --project FILE} (a project file, {@code spec/project.md};
 * {@code --warehouse SOURCE} beside it points the same project at another warehouse, e.g. the
 * same tables in PostgreSQL), or {@code --warehouse SOURCE} alone (the streaming preset of
 * {@code spec/warehouse.md}). {@code --catalog JAR[,JAR…]} adds the metric catalogs of a team's jars
 * (besides those of the {@code catalogs} folder beside a project file).
 */
final class ProjectOption {

    /** The options, for {@link Arguments#parse}. */
    static final Set<String> NAMES = Set.of("project", "warehouse", "catalog");
    /** How usage lines write them. */
    static final String USAGE = "--project FILE | --warehouse SOURCE [--catalog JAR,...]";

    private ProjectOption() {
    }

    /**
     * @throws UsageException when neither option is given
     */
    static Project required(Arguments options) {
        return optional(options).orElseThrow(() -> new UsageException("give --project FILE or --warehouse SOURCE"));
    }

    /** The project of the options, or empty when neither is given. */
    static Optional<Project> optional(Arguments options) {
        Optional<String> warehouse = options.optional("warehouse");
        Optional<String> file = options.optional("project");
        List<Path> jars = catalogJars(options);
        if (file.isEmpty()) {
            return warehouse.map(source -> StreamingPreset.project(source, jars));
        }
        Project project = ProjectFile.load(Path.of(file.get()), jars);
        return Optional.of(warehouse.map(project::withWarehouse).orElse(project));
    }

    /** The jars of {@code --catalog}, comma-separated. */
    static List<Path> catalogJars(Arguments options) {
        return options.optional("catalog").stream().flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip).filter(jar -> !jar.isEmpty()).map(Path::of).toList();
    }

    /** What a command says it opens: the project and its warehouse, without secrets. */
    static String describe(Project project) {
        return (project.name().equals(StreamingPreset.NAME) ? "" : project.name() + " on ")
                + JdbcUrls.redact(project.warehouse());
    }
}
