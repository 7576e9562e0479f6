package io.splitscope.stats.r;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Finding GNU R: the configured executable, else {@code R} on the {@code PATH}, in /usr/bin or /usr/local/bin. */
final class RExecutable {

    private RExecutable() {
    }

    /**
     * {@code configured} if it is an executable file, or, when it is null, the first {@code R} on
     * the {@code PATH}, then {@code /usr/bin/R}, then {@code /usr/local/bin/R}; empty when there is none.
     */
    static Optional<Path> locate(Path configured) {
        if (configured != null) {
            return executable(configured) ? Optional.of(configured) : Optional.empty();
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isBlank()),
                        Stream.of("/usr/bin", "/usr/local/bin"))
                .map(d -> Path.of(d, "R"))
                .filter(RExecutable::executable)
                .findFirst();
    }

    private static boolean executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
