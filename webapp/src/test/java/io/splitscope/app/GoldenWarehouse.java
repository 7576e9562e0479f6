package io.splitscope.app;

import io.splitscope.app.analysis.AnalysisService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The golden warehouse ({@code src/test/resources/golden/streaming-small}, a copy of the shared
 * golden data with reference scorecards computed by an independent R implementation of the specs):
 * the one place tests find it.
 */
public final class GoldenWarehouse {

    private GoldenWarehouse() {
    }

    /** The folder of the golden tables. */
    public static Path folder() {
        try {
            return Path.of(GoldenWarehouse.class.getResource("/golden/streaming-small").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reference scorecard, e.g. {@code exp_autoplay.json}. */
    public static Path expected(String file) {
        return folder().resolve("expected").resolve(file);
    }

    /** A writable copy of the golden tables in {@code target}, to break on purpose. */
    public static Path copyTo(Path target) {
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysis service on the golden warehouse; the caller closes it. */
    public static AnalysisService service() {
        return AnalysisService.open(folder().toString());
    }
}
