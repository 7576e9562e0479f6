package io.splitscope.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The golden warehouse ({@code src/test/resources/golden/streaming-small}, a copy of the shared
 * golden data with reference scorecards computed by an independent R implementation of the specs):
 * the one place tests find it.
 */
public final class GoldenWarehouse {

    private static final String RESOURCE = "/golden/streaming-small";

    private GoldenWarehouse() {
    }

    /**
     * The folder of the golden tables: in this module's test resources, or, for the tests of a module
     * that reads them from this module's test-jar, a copy of them unpacked once into a temporary folder.
     */
    public static synchronized Path folder() {
        if (folder == null) {
            folder = locate();
        }
        return folder;
    }

    private static Path folder;

    private static Path locate() {
        try {
            URI uri = GoldenWarehouse.class.getResource(RESOURCE).toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            Path copy = Files.createTempDirectory("splitscope-golden");
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of()); Stream<Path> files = Files.walk(jar.getPath(RESOURCE))) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(jar.getPath(RESOURCE).relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return copy;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the golden warehouse " + RESOURCE + ": " + e.getMessage(), e);
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
