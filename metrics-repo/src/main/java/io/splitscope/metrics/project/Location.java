package io.splitscope.metrics.project;

/**
 * Where something is written in a project file, so that a mistake found later (by
 * {@link ProjectCheck}, against the warehouse) still names the file, the line and the key.
 *
 * @param file the file's name, as messages show it
 * @param line the 1-based line
 * @param key  the dotted path of the key ({@code sources.orders.unit})
 */
public record Location(String file, int line, String key) {

    /** The mistake {@code message} at this place. */
    public ConfigError error(String message) {
        return new ConfigError(file, line, key, message);
    }
}
