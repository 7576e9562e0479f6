package io.splitscope.metrics.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a team's metric catalog jars are found besides the class path: the {@value #FOLDER}
 * folder beside a project file, and the jars named on the command line ({@code --catalog JAR}).
 * Their {@link MetricCatalog}s are loaded through a class loader over those jars.
 */
public final class CatalogJars {

    /** The folder beside a project file whose {@code *.jar} files are loaded with it. */
    public static final String FOLDER = "catalogs";

    private CatalogJars() {
    }

    /** The {@code *.jar} files of the {@value #FOLDER} folder beside {@code projectFile}, in name order; none without it. */
    public static List<Path> beside(Path projectFile) {
        Path folder = projectFile.toAbsolutePath().getParent().resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the catalog folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * A class loader that sees {@code jars} after the application's classes; the application's own
     * loader when there are none.
     *
     * @throws IllegalArgumentException naming a jar that is not there
     */
    public static ClassLoader classLoader(List<Path> jars) {
        ClassLoader parent = MetricCatalog.class.getClassLoader();
        if (jars.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("catalog jar " + jar + " does not exist");
            }
            try {
                urls.add(jar.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("catalog jar " + jar + " cannot be read: " + e.getMessage(), e);
            }
        }
        // Lives as long as the application: catalogs' classes stay loaded while their metrics are in use.
        return new URLClassLoader("splitscope-catalogs", urls.toArray(URL[]::new), parent);
    }
}
