package io.splitscope.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The golden warehouse ({@code src/test/resources/golden/streaming-small}, a copy of the shared
 * golden data with reference scorecards computed by an independent R implementation of the specs).
 */
final class GoldenWarehouse {

    private GoldenWarehouse() {
    }

    static Path folder() {
        try {
            return Path.of(GoldenWarehouse.class.getResource("/golden/streaming-small").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path expected(String file) {
        return folder().resolve("expected").resolve(file);
    }

    /** A writable copy of the golden tables in {@code target}, to break on purpose. */
    static Path copyTo(Path target) {
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
