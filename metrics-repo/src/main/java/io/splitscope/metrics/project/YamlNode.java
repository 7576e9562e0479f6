package io.splitscope.metrics.project;

import java.util.List;
import java.util.Optional;

/**
 * A project file's YAML as a tree that remembers the line of every key and value (1-based). Keys
 * are plain text; a mapping holds each key once ({@link YamlReader} reports the repeats).
 */
sealed interface YamlNode {

    /** The line where the node starts. */
    int line();

    /** What the node is, for messages ({@code a list}). */
    String describe();

    /**
     * A scalar: its text as written (quotes and block indicators removed), or a YAML null.
     *
     * @param textLine the line where the text itself starts (the line after a {@code |} or {@code >})
     */
    record Scalar(String text, boolean isNull, int line, int textLine) implements YamlNode {
        @Override
        public String describe() {
            return isNull ? "nothing" : "'" + text + "'";
        }
    }

    /** A list. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A mapping, its entries in the order of the file. */
    record Mapping(List<Entry> entries, int line) implements YamlNode {

        Optional<Entry> get(String key) {
            return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping, on line {@code line}, and its value. */
    record Entry(String key, int line, YamlNode value) {
    }
}
