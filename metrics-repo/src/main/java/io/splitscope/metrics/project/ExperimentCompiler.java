package io.splitscope.metrics.project;

import io.splitscope.metrics.DidYouMean;
import io.splitscope.metrics.Dimension;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.UnitFilter;
import io.splitscope.metrics.experiment.Assignment;
import io.splitscope.metrics.experiment.DecisionPlan;
import io.splitscope.metrics.experiment.DiscoveredExperiments;
import io.splitscope.metrics.experiment.Experiment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles one entry of a project file's {@code experiments} into an {@link Experiment} and its
 * {@link ExperimentPlan}, reporting every mistake of the entry.
 */
final class ExperimentCompiler {

    static final Set<String> KEYS = Stream.concat(Stream.of("title", "hypothesis", "owner", "assignment",
            "key", "control", "variants", "start", "end", "metrics", "segments", UnitFilters.KEY),
            DecisionPlanCompiler.KEYS.stream()).collect(Collectors.toUnmodifiableSet());
    /** How far declared weights may be from summing to 1. */
    static final double WEIGHT_TOLERANCE = 1e-9;

    /** An experiment and its plan. */
    record Compiled(Experiment experiment, ExperimentPlan plan) {
    }

    private final String id;
    private final Section entry;
    private final ConfigErrors errors;

    private ExperimentCompiler(String id, Section entry) {
        this.id = id;
        this.entry = entry;
        this.errors = entry.errors();
    }

    /**
     * @param metrics    every metric of the project (its file's and its Java catalogs'), by id
     * @param dimensions the project's dimensions, by id
     */
    static Optional<Compiled> compile(String id, Section entry, Declared<Assignment> assignments,
                                      Declared<Metric> metrics, Declared<Dimension> dimensions) {
        return new ExperimentCompiler(id, entry).compile(assignments, metrics, dimensions);
    }

    private Optional<Compiled> compile(Declared<Assignment> assignments, Declared<Metric> metrics,
                                       Declared<Dimension> dimensions) {
        int before = errors.count();
        Assignment assignment = assignment(assignments);
        String key = entry.text("key").orElse(null);
        if (key != null && assignment != null && assignment.experiment().isEmpty()) {
            entry.error("key", "assignment '" + assignment.id() + "' has no experiment column: every row belongs to "
                    + "this experiment, so it has no key");
        }
        List<Experiment.VariantWeight> variants = variants();
        String control = control(variants);
        LocalDate start = date("start", assignment);
        LocalDate end = date("end", assignment);
        if (start != null && end != null && end.isBefore(start)) {
            entry.error("end", "the experiment ends (" + end + ") before it starts (" + start + ")");
        }
        Map<String, Location> metricMentions = new LinkedHashMap<>();
        List<String> listed = metricIds("metrics", entry.list("metrics"), metrics, assignment, metricMentions);
        DecisionPlan decisionPlan = DecisionPlanCompiler.compile(entry, metrics.compiled(),
                (metricId, line, listKey) -> metric(metricId, line, listKey, metrics, assignment, metricMentions));
        Map<String, Location> segmentMentions = new LinkedHashMap<>();
        List<String> segments = new ArrayList<>();
        for (Section.Item item : entry.list("segments")) {
            if (dimensions.find(item.text(), item.line(), entry.key("segments"), errors).isEmpty()) {
                continue;
            }
            if (segmentMentions.putIfAbsent(item.text(), errors.at(item.line(), entry.key("segments"))) == null) {
                segments.add(item.text());
            }
        }
        UnitFilter unitFilter = UnitFilters.compile(entry, dimensions).orElse(null);
        if (errors.count() > before || assignment == null || variants.isEmpty() || control == null) {
            return Optional.empty();
        }
        List<Experiment.VariantWeight> ordered = new ArrayList<>();
        variants.stream().filter(v -> v.variant().equals(control)).forEach(ordered::add);
        variants.stream().filter(v -> !v.variant().equals(control)).forEach(ordered::add);
        Experiment experiment = new Experiment(id, entry.text("title").orElse(id), entry.text("hypothesis").orElse(null),
                entry.text("owner").orElse(null), start, end, control, ordered, assignment,
                assignment.experiment().isPresent() ? key : null, listed, unitFilter, decisionPlan);
        return Optional.of(new Compiled(experiment, new ExperimentPlan(experiment, segments, metricMentions, segmentMentions)));
    }

    private Assignment assignment(Declared<Assignment> assignments) {
        if (!entry.has("assignment") && assignments.declared().size() == 1) {
            return assignments.compiled().values().stream().findFirst().orElse(null);
        }
        return assignments.find(entry, "assignment", "the assignment whose rows hold its exposures").orElse(null);
    }

    private List<Experiment.VariantWeight> variants() {
        Optional<YamlNode> node = entry.node("variants");
        if (node.isEmpty()) {
            errors.add(entry.line(), entry.key("variants"), "missing: the variants, {name: weight, ...} or [name, ...] for equal weights");
            return List.of();
        }
        List<Experiment.VariantWeight> variants = new ArrayList<>();
        if (node.get() instanceof YamlNode.Mapping mapping) {
            Section weights = Section.of(mapping, entry.key("variants"), entry.line("variants"), errors,
                    mapping.entries().stream().map(YamlNode.Entry::key).collect(java.util.stream.Collectors.toSet()),
                    "variants").orElseThrow();
            for (YamlNode.Entry variant : mapping.entries()) {
                weights.number(variant.key()).ifPresent(weight -> {
                    if (weight <= 0) {
                        weights.error(variant.key(), "a variant's weight must be positive, not " + weight);
                    } else {
                        variants.add(new Experiment.VariantWeight(variant.key(), weight));
                    }
                });
            }
        } else {
            List<Section.Item> names = entry.list("variants");
            Set<String> seen = new LinkedHashSet<>();
            for (Section.Item name : names) {
                if (!seen.add(name.text())) {
                    errors.add(name.line(), entry.key("variants"), "variant '" + name.text() + "' is listed twice");
                }
            }
            seen.forEach(name -> variants.add(new Experiment.VariantWeight(name, 1.0 / seen.size())));
        }
        if (variants.size() < 2) {
            entry.error("variants", "an experiment needs at least two variants, not " + variants.size());
            return List.of();
        }
        double sum = variants.stream().mapToDouble(Experiment.VariantWeight::weight).sum();
        if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
            entry.error("variants", "the weights sum to " + sum + ", not 1");
            return List.of();
        }
        return variants;
    }

    private String control(List<Experiment.VariantWeight> variants) {
        List<String> names = variants.stream().map(Experiment.VariantWeight::variant).toList();
        Optional<String> control = entry.text("control");
        if (control.isPresent()) {
            if (!names.isEmpty() && !names.contains(control.get())) {
                entry.error("control", "control '" + control.get() + "' is not one of the variants "
                        + String.join(", ", names) + DidYouMean.suffix(control.get(), names));
                return null;
            }
            return control.get();
        }
        if (names.isEmpty()) {
            return null;
        }
        return names.contains(DiscoveredExperiments.CONTROL) ? DiscoveredExperiments.CONTROL : names.getFirst();
    }

    private LocalDate date(String key, Assignment assignment) {
        if (!entry.has(key)) {
            if (assignment != null && assignment.timed()) {
                errors.add(entry.line(), entry.key(key), "missing: assignment '" + assignment.id()
                        + "' has a timestamp, so the experiment needs its " + key + " date (YYYY-MM-DD)");
            }
            return null;
        }
        return entry.text(key).map(text -> {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                entry.error(key, "'" + text + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }).orElse(null);
    }

    private List<String> metricIds(String key, List<Section.Item> items, Declared<Metric> metrics,
                                   Assignment assignment, Map<String, Location> mentions) {
        List<String> ids = new ArrayList<>();
        for (Section.Item item : items) {
            if (metric(item.text(), item.line(), key, metrics, assignment, mentions)) {
                ids.add(item.text());
            }
        }
        return ids.stream().distinct().toList();
    }

    /** Whether {@code id} names a metric the experiment can analyse; if not, says why. */
    private boolean metric(String metricId, int line, String key, Declared<Metric> metrics, Assignment assignment,
                           Map<String, Location> mentions) {
        Metric metric = metrics.find(metricId, line, entry.key(key), errors).orElse(null);
        if (metric == null) {
            return false;
        }
        if (assignment != null && !assignment.timed() && metric.windowed()) {
            errors.add(line, entry.key(key), "metric '" + metricId + "' has a window, but assignment '" + assignment.id()
                    + "' has no timestamp to start it from");
            return false;
        }
        mentions.putIfAbsent(metricId, errors.at(line, entry.key(key)));
        return true;
    }
}
