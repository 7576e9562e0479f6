package io.splitscope.metrics.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML 1.2 with snakeyaml-engine down to its node graph (composition, not construction), so
 * that every key and value keeps its line, and turns it into {@link YamlNode}s. A repeated key is a
 * mistake reported at the repeat (snakeyaml-engine would stop at the first, and a construction
 * with duplicates allowed would silently keep the last); the first value is kept.
 */
final class YamlReader {

    private YamlReader() {
    }

    /**
     * The document of {@code text}, or empty when it is empty or not YAML (then the syntax error
     * is in {@code errors}, with its line).
     */
    static Optional<YamlNode> read(String text, ConfigErrors errors) {
        LoadSettings settings = LoadSettings.builder().setLabel(errors.file()).build();
        try {
            Iterator<Node> documents = new Compose(settings).composeAllFromString(text).iterator();
            if (!documents.hasNext()) {
                return Optional.empty();
            }
            Node document = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                errors.add(line(second.getStartMark()), "", "a project file holds one YAML document, not several");
            }
            return Optional.of(new Converter(errors).convert(document, ""));
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : " " + e.getContext();
            errors.add(line(mark), "", "not valid YAML: " + oneLine(problem + context));
            return Optional.empty();
        } catch (YamlEngineException e) {
            errors.add(0, "", "not valid YAML: " + oneLine(e.getMessage()));
            return Optional.empty();
        }
    }

    private static int line(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Converts one document; aliases to a node already being converted (a cycle) become nulls. */
    private static final class Converter {
        private final ConfigErrors errors;
        private final Map<Node, Boolean> open = new IdentityHashMap<>();

        Converter(ConfigErrors errors) {
            this.errors = errors;
        }

        YamlNode convert(Node node, String path) {
            int line = line(node.getStartMark());
            if (open.containsKey(node)) {
                errors.add(line, path, "a YAML alias refers to itself");
                return new YamlNode.Scalar("", true, line, line);
            }
            open.put(node, true);
            try {
                return switch (node) {
                    case ScalarNode scalar -> scalar(scalar, line);
                    case SequenceNode sequence -> {
                        List<YamlNode> items = new ArrayList<>();
                        for (int i = 0; i < sequence.getValue().size(); i++) {
                            items.add(convert(sequence.getValue().get(i), path + "[" + i + "]"));
                        }
                        yield new YamlNode.Sequence(List.copyOf(items), line);
                    }
                    case MappingNode mapping -> mapping(mapping, path, line);
                    default -> throw new IllegalStateException("unknown YAML node " + node);
                };
            } finally {
                open.remove(node);
            }
        }

        private YamlNode.Mapping mapping(MappingNode mapping, String path, int line) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                int keyLine = line(keyNode.getStartMark());
                if (!(keyNode instanceof ScalarNode scalarKey) || scalarKey.getTag().equals(Tag.NULL)) {
                    errors.add(keyLine, path, "a key must be a name, not " + (keyNode instanceof ScalarNode ? "empty" : "a list or a mapping"));
                    continue;
                }
                String key = scalarKey.getValue();
                String keyPath = path.isEmpty() ? key : path + "." + key;
                Integer first = seen.putIfAbsent(key, keyLine);
                if (first != null) {
                    errors.add(keyLine, keyPath, "duplicate key '" + key + "' (first at line " + first + ")");
                    continue;
                }
                entries.add(new YamlNode.Entry(key, keyLine, convert(tuple.getValueNode(), keyPath)));
            }
            return new YamlNode.Mapping(List.copyOf(entries), line);
        }

        private static YamlNode.Scalar scalar(ScalarNode scalar, int line) {
            boolean block = scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED;
            boolean isNull = scalar.getTag().equals(Tag.NULL) && scalar.isPlain();
            return new YamlNode.Scalar(scalar.getValue(), isNull, line, block ? line + 1 : line);
        }
    }
}
