package io.splitscope.app.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --catalog JAR[,JAR…]}: the metric catalogs of a team's jars. */
final class CatalogOption {

    @Option(names = "--catalog", paramLabel = "JAR,...", hideParamSyntax = true, split = ",",
            description = "Add the metric catalogs of these jars (besides those of the catalogs folder beside a project file).")
    private List<String> jars;

    /** The jars given, blanks left out. */
    List<Path> jars() {
        return jars == null ? List.of() : jars.stream().map(String::strip).filter(jar -> !jar.isEmpty()).map(Path::of).toList();
    }
}
