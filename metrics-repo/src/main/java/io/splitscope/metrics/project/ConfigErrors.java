package io.splitscope.metrics.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The mistakes found in one project file so far: every one is kept, none stops the reading. */
final class ConfigErrors {

    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();

    ConfigErrors(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(int line, String key, String message) {
        errors.add(new ConfigError(file, line, key, message));
    }

    void add(ConfigError error) {
        errors.add(error);
    }

    Location at(int line, String key) {
        return new Location(file, line, key);
    }

    int count() {
        return errors.size();
    }

    /** The mistakes in the order of the file (by line, then in the order they were found). */
    List<ConfigError> sorted() {
        return errors.stream().sorted(Comparator.comparingInt(ConfigError::line)).toList();
    }
}
