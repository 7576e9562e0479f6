package io.splitscope.metrics.project;

import io.splitscope.metrics.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of a project file being read: its keys checked against those it may have (an unknown
 * key is a mistake, with the nearest known key), its values read as text, numbers or lists, and
 * every mistake reported at the line of the key it concerns.
 */
final class Section {

    private final YamlNode.Mapping mapping;
    private final String path;
    private final int line;
    private final ConfigErrors errors;

    private Section(YamlNode.Mapping mapping, String path, int line, ConfigErrors errors) {
        this.mapping = mapping;
        this.path = path;
        this.line = line;
        this.errors = errors;
    }

    /**
     * The mapping {@code node} at {@code path} (declared on line {@code line}), its unknown keys
     * reported; empty, with a mistake, when {@code node} is not a mapping.
     *
     * @param what how users call it in the message when it is not a mapping ({@code a source})
     */
    static Optional<Section> of(YamlNode node, String path, int line, ConfigErrors errors, Set<String> allowed,
                                String what) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            errors.add(line, path, what + " is a mapping of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", not " + node.describe());
            return Optional.empty();
        }
        Section section = new Section(mapping, path, line, errors);
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!allowed.contains(entry.key())) {
                errors.add(entry.line(), section.key(entry.key()), "unknown key" + DidYouMean.suffix(entry.key(), allowed));
            }
        }
        return Optional.of(section);
    }

    /** The entries of a mapping whose keys are ids (the sources, the metrics, ...). */
    static List<YamlNode.Entry> entries(YamlNode node, String path, int line, ConfigErrors errors, String what) {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping.entries();
        }
        if (!(node instanceof YamlNode.Scalar scalar && scalar.isNull())) {
            errors.add(line, path, what + " are a mapping of ids, not " + node.describe());
        }
        return List.of();
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    ConfigErrors errors() {
        return errors;
    }

    /** The dotted path of {@code key} in this section. */
    String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return mapping.get(key).isPresent();
    }

    /** The line of {@code key}, or of the section when it is not there. */
    int line(String key) {
        return mapping.get(key).map(YamlNode.Entry::line).orElse(line);
    }

    /** Where {@code key} is (the section's line when it is not there). */
    Location where(String key) {
        return errors.at(line(key), key(key));
    }

    void error(String key, String message) {
        errors.add(line(key), key(key), message);
    }

    /** Reports {@code mistake} in the expression {@code scalar} of {@code key}, at the line of the text where it is. */
    void error(String key, YamlNode.Scalar scalar, SqlExpressions.InvalidExpression mistake) {
        errors.add(scalar.textLine() + mistake.line() - 1, key(key), mistake.getMessage());
    }

    Optional<YamlNode> node(String key) {
        return mapping.get(key).map(YamlNode.Entry::value);
    }

    /** The text of {@code key}; a list, a mapping or an empty value is a mistake. */
    Optional<String> text(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
            return Optional.of(scalar.text());
        }
        error(key, "expected a value, not " + node.get().describe());
        return Optional.empty();
    }

    /** The text of {@code key}, which must be there ({@code what} says what it is). */
    Optional<String> required(String key, String what) {
        if (!has(key)) {
            errors.add(line, key(key), "missing: " + what);
            return Optional.empty();
        }
        return text(key);
    }

    /** The scalar of {@code key}, with the line its text starts on. */
    Optional<YamlNode.Scalar> scalar(String key) {
        return text(key).flatMap(text -> node(key)).map(YamlNode.Scalar.class::cast);
    }

    /** The number of {@code key}; text that is not a number is a mistake. */
    Optional<Double> number(String key) {
        return text(key).flatMap(text -> {
            try {
                double value = Double.parseDouble(text.strip());
                if (Double.isFinite(value)) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(key, "expected a number, not '" + text + "'");
            return Optional.empty();
        });
    }

    /** The {@code true} or {@code false} of {@code key}; other text is a mistake. */
    Optional<Boolean> bool(String key) {
        return text(key).flatMap(text -> switch (text.strip()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                error(key, "expected true or false, not '" + text + "'");
                yield Optional.empty();
            }
        });
    }

    /** The texts of a list {@code key} ({@code [a, b]}), each with its line; a single value is a list of one. */
    List<Item> list(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty() || node.get() instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return List.of();
        }
        List<YamlNode> items = node.get() instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(node.get());
        List<Item> texts = new ArrayList<>();
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
                texts.add(new Item(scalar.text(), item.line()));
            } else {
                errors.add(item.line(), key(key), "expected a list of names, not " + item.describe() + " in it");
            }
        }
        return texts;
    }

    /** One name of a list, and its line. */
    record Item(String text, int line) {
    }
}
