package io.splitscope.metrics.project;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.splitscope.sql.fuzz.TextFuzz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The project file ({@link ProjectFile}, {@link YamlReader}), fuzzed from its corpus
 * ({@code src/test/resources/fuzz/project}: the test projects' valid files and the inputs that found
 * bugs): every file compiles to a project or to mistakes of one line each — never an exception —
 * within ten seconds (the first try loads jOOQ: some seconds on a busy machine).
 */
class ProjectFileFuzzTest {

    /** YAML's own tokens and the project file's keys and values. */
    private static final List<String> TOKENS = List.of(":", ": ", "- ", "\n", "\n  ", "  ", "{", "}", "[", "]", ",",
            "'", "\"", "#", "&a", "*a", "!!str", "---", "...", "|", ">", "? ", "~", "null", "${DATA}", "${", "version",
            "sources", "metrics", "experiments", "type: ratio", "numerator", "window: 14d", "start: 2026-02-30",
            "variants: {a: 0.5}", "filter: ", "value: ", "1e999", "-0");

    @Example
    void everyCorpusFileCompilesOrNamesItsMistakes() throws IOException {
        for (String text : TextFuzz.corpus("project")) {
            compilesOrNamesItsMistakes(text);
        }
    }

    @Property(tries = 250)
    void editedFilesCompileOrNameTheirMistakes(@ForAll("edited") String text) throws IOException {
        compilesOrNamesItsMistakes(text);
    }

    @Provide
    Arbitrary<String> edited() {
        return TextFuzz.mutated(TextFuzz.corpus("project"), TOKENS);
    }

    private static void compilesOrNamesItsMistakes(String text) throws IOException {
        Path folder = Files.createTempDirectory("project-fuzz");
        try {
            Path file = Files.writeString(folder.resolve("splitscope.yaml"), text, StandardCharsets.UTF_8);
            CompiledProject compiled = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> ProjectFile.read(file, Map.of("DATA", "data")::get, List.of()));
            compiled.errors().forEach(error -> TextFuzz.assertOneLine(error.toString()));
        } finally {
            Files.deleteIfExists(folder.resolve("splitscope.yaml"));
            Files.delete(folder);
        }
    }
}
