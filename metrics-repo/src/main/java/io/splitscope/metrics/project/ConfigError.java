package io.splitscope.metrics.project;

import java.util.Objects;

/**
 * One mistake in a project file ({@code spec/project.md}, "Every error names the file, the line
 * and the key"), rendered on one line as {@code splitscope.yaml:14: metrics.spend.source: no source
 * 'order' (did you mean 'orders'?)}.
 *
 * @param file    the file's name, as messages show it ({@code splitscope.yaml})
 * @param line    the 1-based line of the key, or 0 when the mistake has no line (an unreadable file)
 * @param key     the dotted path of the key ({@code metrics.spend.source}), or empty when the mistake
 *                belongs to no key (a YAML syntax error)
 * @param message what is wrong, in one line
 */
public record ConfigError(String file, int line, String key, String message) {

    public ConfigError {
        Objects.requireNonNull(file, "file");
        key = key == null ? "" : key;
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("a line number is 1-based, or 0 for none: " + line);
        }
    }

    /** The one line users see: {@code file:line: key: message}, without the parts the error lacks. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
}
