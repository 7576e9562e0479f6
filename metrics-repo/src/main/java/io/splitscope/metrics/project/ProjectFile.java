package io.splitscope.metrics.project;

import io.splitscope.metrics.DidYouMean;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.Source;
import io.splitscope.metrics.catalog.CatalogJars;
import io.splitscope.metrics.catalog.MetricCatalog;
import io.splitscope.metrics.catalog.MetricRepository;
import io.splitscope.metrics.experiment.Assignment;
import io.splitscope.metrics.experiment.DeclaredExperiments;
import io.splitscope.metrics.experiment.DiscoveredExperiments;
import io.splitscope.metrics.experiment.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a project file ({@code splitscope.yaml}, {@code spec/project.md}) into a {@link Project}:
 * its warehouse, sources, assignments, dimensions, experiments and metrics, compiled to the same
 * values the Java API builds. Every mistake is collected, with the file, the line and the key;
 * none stops the reading.
 *
 * <pre>{@code
 * Project project = ProjectFile.load(Path.of("splitscope.yaml"));   // throws ProjectException
 * CompiledProject compiled = ProjectFile.read(Path.of("splitscope.yaml"));  // never throws on mistakes
 * }</pre>
 */
public final class ProjectFile {

    /** The version of the file format this class reads. */
    public static final int VERSION = 2;

    private static final Set<String> KEYS = Set.of("version", "warehouse", "sources", "assignments", "dimensions",
            "experiments", "metrics");
    private static final Set<String> SOURCE_KEYS = Set.of("table", "sql", "unit", "timestamp");
    private static final Set<String> ASSIGNMENT_KEYS = Set.of("source", "experiment", "variant");
    private static final Set<String> DIMENSION_KEYS = Set.of("source", "column");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Path file;
    private final ConfigErrors errors;
    private final Function<String, String> environment;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    /** Every id the file declares, per section, whether its entry compiles or not. */
    private final Map<String, Set<String>> declared = new LinkedHashMap<>();
    private final Map<String, Location> relations = new LinkedHashMap<>();
    private final Map<String, Assignment> assignments = new LinkedHashMap<>();
    private final Map<String, Dimension> dimensions = new LinkedHashMap<>();
    private final List<ColumnReference> columns = new ArrayList<>();

    /** The Java metric catalogs of the project. */
    private final List<? extends MetricCatalog> javaCatalogs;

    private ProjectFile(Path file, Function<String, String> environment, List<? extends MetricCatalog> javaCatalogs) {
        this.file = file;
        this.javaCatalogs = List.copyOf(javaCatalogs);
        this.errors = new ConfigErrors(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        this.environment = environment;
    }

    /**
     * The project of {@code file}, with {@code ${NAME}} in its warehouse read from the environment.
     *
     * @throws ProjectException listing every mistake of the file
     */
    public static Project load(Path file) {
        return read(file).orThrow();
    }

    /**
     * The project of {@code file} with the metric catalogs of {@code catalogJars} too
     * ({@code --catalog JAR}), with {@code ${NAME}} in its warehouse read from the environment.
     *
     * @throws ProjectException listing every mistake of the file
     * @throws IllegalArgumentException naming a catalog jar that is not there
     */
    public static Project load(Path file, List<Path> catalogJars) {
        return read(file, System::getenv, javaCatalogs(file, catalogJars)).orThrow();
    }

    /** The project of {@code file} compiled, with every mistake of the file; never throws on a mistake. */
    public static CompiledProject read(Path file) {
        return read(file, System::getenv);
    }

    /**
     * {@link #read(Path)} with the variables of {@code ${NAME}} read from {@code environment}
     * (null for an unset variable).
     */
    public static CompiledProject read(Path file, Function<String, String> environment) {
        return read(file, environment, javaCatalogs(file, List.of()));
    }

    /**
     * The Java metric catalogs of a project: those found through {@link ServiceLoader} on the class
     * path, in the jars of the {@value CatalogJars#FOLDER} folder beside {@code file}, and in
     * {@code catalogJars}.
     */
    public static List<MetricCatalog> javaCatalogs(Path file, List<Path> catalogJars) {
        List<Path> jars = new ArrayList<>(CatalogJars.beside(file));
        jars.addAll(catalogJars);
        return MetricRepository.found(CatalogJars.classLoader(jars));
    }

    /**
     * {@link #read(Path, Function)} with {@code javaCatalogs} as the project's Java metric catalogs
     * (see {@link #javaCatalogs}).
     */
    public static CompiledProject read(Path file, Function<String, String> environment,
                                       List<? extends MetricCatalog> javaCatalogs) {
        ProjectFile reader = new ProjectFile(file, environment, javaCatalogs);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            reader.errors.add(0, "", "cannot read the project file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return reader.result(null, List.of());
        }
        return reader.compile(text);
    }

    private CompiledProject compile(String text) {
        Optional<YamlNode> document = YamlReader.read(text, errors);
        if (document.isEmpty()) {
            if (errors.count() == 0) {
                errors.add(1, "", "the project file is empty (it starts with 'version: " + VERSION + "')");
            }
            return result(null, List.of());
        }
        Optional<Section> root = Section.of(document.get(), "", document.get().line(), errors, KEYS, "a project file");
        if (root.isEmpty()) {
            return result(null, List.of());
        }
        Section top = root.get();
        for (String section : List.of("sources", "assignments", "dimensions", "experiments", "metrics")) {
            declared.put(section, top.node(section).filter(YamlNode.Mapping.class::isInstance)
                    .map(node -> ((YamlNode.Mapping) node).entries().stream().map(YamlNode.Entry::key)
                            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)))
                    .orElseGet(java.util.LinkedHashSet::new));
        }
        version(top);
        String warehouse = warehouse(top);
        top.node("sources").ifPresent(node -> Section.entries(node, "sources", top.line("sources"), errors, "sources")
                .forEach(this::source));
        if (!top.has("sources")) {
            errors.add(top.line(), "sources", "missing: the sources where rows come from");
        }
        top.node("assignments").ifPresent(node -> Section.entries(node, "assignments", top.line("assignments"), errors,
                "assignments").forEach(this::assignment));
        top.node("dimensions").ifPresent(node -> Section.entries(node, "dimensions", top.line("dimensions"), errors,
                "dimensions").forEach(this::dimension));
        Map<String, Metric> metrics = metrics(top);
        MetricRepository repository = repository(metrics);
        Map<String, Metric> known = new LinkedHashMap<>();
        repository.all().forEach(metric -> known.put(metric.id(), metric));
        List<Experiment> experiments = new ArrayList<>();
        List<ExperimentPlan> plans = new ArrayList<>();
        Map<String, String> claimed = new LinkedHashMap<>();
        top.node("experiments").ifPresent(node -> Section.entries(node, "experiments", top.line("experiments"), errors,
                "experiments").forEach(entry -> experiment(entry, known, claimed, experiments, plans)));
        Project project = new Project(file.toString(), warehouse, List.copyOf(sources.values()),
                List.copyOf(assignments.values()), List.copyOf(dimensions.values()),
                new DeclaredExperiments(experiments, new DiscoveredExperiments(List.copyOf(assignments.values()))),
                repository, List.of(), null, List.of());
        // before any analysis, the project checks the columns it names in its warehouse
        CompiledProject compiled = result(project, plans);
        return result(project.withCheck((engine, allocator) -> ProjectCheck.mistakes(compiled, engine, allocator)), plans);
    }

    private CompiledProject result(Project project, List<ExperimentPlan> plans) {
        return new CompiledProject(file, project, errors.sorted(), relations, columns, plans);
    }

    private void version(Section top) {
        if (!top.has("version")) {
            errors.add(top.line(), "version", "missing: a project file starts with 'version: " + VERSION + "'");
            return;
        }
        top.text("version").filter(v -> !v.strip().equals(String.valueOf(VERSION))).ifPresent(v ->
                top.error("version", "this Splitscope reads version " + VERSION + " of the project file, not '" + v + "'"));
    }

    /** The warehouse location: {@code ${NAME}} replaced from the environment, a path resolved against the file's folder. */
    private String warehouse(Section top) {
        Optional<String> written = top.required("warehouse", "where the data is: a folder, a .duckdb file or a jdbc: URL");
        if (written.isEmpty()) {
            return null;
        }
        Matcher matcher = VARIABLE.matcher(written.get());
        StringBuilder location = new StringBuilder();
        boolean unset = false;
        while (matcher.find()) {
            String value = environment.apply(matcher.group(1));
            if (value == null) {
                top.error("warehouse", "environment variable " + matcher.group(1) + " is not set");
                unset = true;
                value = "";
            }
            matcher.appendReplacement(location, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(location);
        String value = location.toString().strip();
        if (unset) {
            return null;
        }
        if (value.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            return value;
        }
        Path path = Path.of(value);
        Path folder = file.toAbsolutePath().getParent();
        return (path.isAbsolute() || folder == null ? path : folder.resolve(path)).normalize().toString();
    }

    /** Whether {@code id} is a valid id of {@code kind}; if not, says so at its line. */
    private boolean validId(YamlNode.Entry entry, String section, String kind) {
        if (Source.ID.matcher(entry.key()).matches()) {
            return true;
        }
        String article = "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ";
        errors.add(entry.line(), section + "." + entry.key(), article + kind + " id is 1 to 64 characters of A-Z, a-z, 0-9, _, . and -");
        return false;
    }

    private <T> Declared<T> declared(String section, String kind, Map<String, T> compiled) {
        return new Declared<>(kind, compiled, declared.get(section));
    }

    private void column(Section section, String key, String sourceId, ColumnReference.Role role) {
        section.text(key).ifPresent(column -> columns.add(new ColumnReference(sourceId, column, role, section.where(key))));
    }

    private void source(YamlNode.Entry entry) {
        String id = entry.key();
        boolean valid = validId(entry, "sources", "source");
        Optional<Section> found = Section.of(entry.value(), "sources." + id, entry.line(), errors, SOURCE_KEYS, "a source");
        if (found.isEmpty()) {
            return;
        }
        Section section = found.get();
        int before = errors.count();
        if (section.has("table") == section.has("sql")) {
            errors.add(entry.line(), "sources." + id, section.has("table")
                    ? "a source has a table or sql, not both" : "missing: a table (or a sql SELECT) to read rows from");
        }
        Optional<String> table = section.text("table");
        Optional<String> sql = section.text("sql");
        Optional<String> unit = section.required("unit", "the column of the randomised unit");
        Optional<String> timestamp = section.text("timestamp");
        if (!valid || errors.count() > before || unit.isEmpty()) {
            return;
        }
        try {
            Source.Builder builder = table.isPresent() ? Source.table(id, table.get()) : Source.sql(id, sql.orElseThrow());
            Source source = builder.unit(unit.get());
            sources.put(id, timestamp.map(source::timestamp).orElse(source));
        } catch (IllegalArgumentException e) {
            errors.add(entry.line(), "sources." + id, e.getMessage());
            return;
        }
        relations.put(id, section.where(table.isPresent() ? "table" : "sql"));
        column(section, "unit", id, ColumnReference.Role.UNIT);
        column(section, "timestamp", id, ColumnReference.Role.TIMESTAMP);
    }

    private void assignment(YamlNode.Entry entry) {
        sourced(entry, "assignments", "assignment", ASSIGNMENT_KEYS, "an assignment", "the source of its rows")
                .ifPresent(assignment -> {
                    Section section = assignment.section();
                    Optional<String> variant = section.required("variant", "the column naming each row's variant");
                    Optional<String> experiment = section.text("experiment");
                    Optional<Source> source = assignment.source();
                    if (source.isEmpty() || variant.isEmpty() || section.has("experiment") && experiment.isEmpty()) {
                        return;
                    }
                    assignments.put(assignment.id(), new Assignment(assignment.id(), source.get(), experiment.orElse(null),
                            variant.get()));
                    column(section, "experiment", source.get().id(), ColumnReference.Role.EXPERIMENT);
                    column(section, "variant", source.get().id(), ColumnReference.Role.VARIANT);
                });
    }

    private void dimension(YamlNode.Entry entry) {
        sourced(entry, "dimensions", "dimension", DIMENSION_KEYS, "a dimension",
                "the source of the attribute, one row per unit").ifPresent(dimension -> {
                    Optional<String> column = dimension.section().required("column", "the attribute's column");
                    Optional<Source> source = dimension.source();
                    if (source.isEmpty() || column.isEmpty()) {
                        return;
                    }
                    dimensions.put(dimension.id(), new Dimension(dimension.id(), source.get(), column.get()));
                    column(dimension.section(), "column", source.get().id(), ColumnReference.Role.DIMENSION);
                });
    }

    /**
     * An entry of {@code section} that reads the rows of a source (an assignment, a dimension): its
     * id, its mapping (keys among {@code keys}) and its {@code source}, or empty when the entry is
     * not a mapping. Each mistake is reported at its line; the source is empty after one in the id
     * or the source.
     *
     * @param what       the entry, for messages: {@code an assignment}
     * @param sourceRole what the source gives it, for the message of a missing one
     */
    private Optional<SourcedEntry> sourced(YamlNode.Entry entry, String section, String kind, Set<String> keys,
                                           String what, String sourceRole) {
        boolean valid = validId(entry, section, kind);
        return Section.of(entry.value(), section + "." + entry.key(), entry.line(), errors, keys, what).map(found -> {
            Optional<Source> source = declared("sources", "source", sources).find(found, "source", sourceRole);
            return new SourcedEntry(entry.key(), found, valid ? source : Optional.empty());
        });
    }

    /** An entry of {@link #sourced}. */
    private record SourcedEntry(String id, Section section, Optional<Source> source) {
    }

    private Map<String, Metric> metrics(Section top) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        top.node("metrics").ifPresent(node -> Section.entries(node, "metrics", top.line("metrics"), errors, "metrics")
                .forEach(entry -> {
                    boolean valid = validId(entry, "metrics", "metric");
                    Section.of(entry.value(), "metrics." + entry.key(), entry.line(), errors, MetricCompiler.KEYS, "a metric")
                            .flatMap(section -> MetricCompiler.compile(valid ? entry.key() : "invalid-id", section,
                                    declared("sources", "source", sources), declared("dimensions", "dimension", dimensions),
                                    columns))
                            .filter(metric -> valid)
                            .ifPresent(metric -> metrics.put(metric.id(), metric));
                }));
        return metrics;
    }

    /**
     * The file's metrics, then those of the Java catalogs (on the class path, unless given); a file
     * metric whose id a Java catalog uses too is a mistake at its line, and is left out.
     */
    private MetricRepository repository(Map<String, Metric> fileMetrics) {
        Map<String, String> javaIds = new LinkedHashMap<>();
        try {
            for (MetricCatalog catalog : javaCatalogs) {
                catalog.metrics(this::projectSource)
                        .forEach(metric -> javaIds.putIfAbsent(metric.id(), catalog.getClass().getName()));
            }
        } catch (RuntimeException e) {
            errors.add(0, "metrics", "the Java metric catalogs cannot be loaded: " + e.getMessage());
            return MetricRepository.of(List.of(new FileMetrics(List.copyOf(fileMetrics.values()))));
        }
        List<Metric> own = new ArrayList<>();
        for (Metric metric : fileMetrics.values()) {
            String catalog = javaIds.get(metric.id());
            if (catalog != null) {
                errors.add(lineOfMetric(metric.id()), "metrics." + metric.id(), "metric '" + metric.id()
                        + "' is also defined by the Java catalog " + catalog);
            } else {
                own.add(metric);
            }
        }
        try {
            List<MetricCatalog> catalogs = new ArrayList<>(List.of(new FileMetrics(own)));
            catalogs.addAll(javaCatalogs);
            return MetricRepository.of(catalogs, this::projectSource);
        } catch (IllegalStateException | IllegalArgumentException e) {
            errors.add(0, "metrics", e.getMessage());
            return MetricRepository.of(List.of(new FileMetrics(own)));
        }
    }

    /** A source of this file, for a Java catalog that reads it by id. */
    private Source projectSource(String id) {
        Source source = sources.get(id);
        if (source == null) {
            throw new IllegalArgumentException("a Java metric reads source '" + id + "', which the project does not declare"
                    + DidYouMean.suffix(id, sources.keySet()));
        }
        return source;
    }

    private int lineOfMetric(String id) {
        return columns.stream().filter(c -> c.where().key().startsWith("metrics." + id + "."))
                .mapToInt(c -> c.where().line()).min().orElse(0);
    }

    private void experiment(YamlNode.Entry entry, Map<String, Metric> metrics, Map<String, String> claimed,
                            List<Experiment> experiments, List<ExperimentPlan> plans) {
        boolean valid = validId(entry, "experiments", "experiment");
        Section.of(entry.value(), "experiments." + entry.key(), entry.line(), errors, ExperimentCompiler.KEYS, "an experiment")
                .flatMap(section -> ExperimentCompiler.compile(entry.key(), section, declared("assignments", "assignment",
                                assignments), declared("metrics", "metric", metrics), declared("dimensions", "dimension", dimensions))
                        .filter(compiled -> valid && unclaimed(compiled.experiment(), section, claimed)))
                .ifPresent(compiled -> {
                    experiments.add(compiled.experiment());
                    plans.add(compiled.plan());
                });
    }

    /** Whether no experiment before {@code experiment} claims its rows (its key of its assignment's log). */
    private boolean unclaimed(Experiment experiment, Section section, Map<String, String> claimed) {
        Assignment assignment = experiment.assignment();
        String claim = assignment.id() + "\u0000" + (assignment.experiment().isPresent() ? experiment.key() : "");
        String earlier = claimed.putIfAbsent(claim, experiment.id());
        if (earlier == null) {
            return true;
        }
        section.error(section.has("key") ? "key" : "assignment", assignment.experiment().isPresent()
                ? "experiment '" + earlier + "' already has key '" + experiment.key() + "' of assignment '" + assignment.id() + "'"
                : "experiment '" + earlier + "' already has every row of assignment '" + assignment.id()
                        + "' (it has no experiment column)");
        return false;
    }

    /** The metrics of a project file, as a catalog. */
    private record FileMetrics(List<Metric> metrics) implements MetricCatalog {
    }
}
