package io.splitscope.metrics.project;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.splitscope.sql.fuzz.Campaign;
import io.splitscope.sql.fuzz.TextFuzz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
            "variants: {a: 0.5}", "filter: ", "value: ", "1e999", "-0", "type: funnel", "steps: ", "type: retention",
            "start: 7d", "end: 0h", "within: 24h", "eligibility: all", "unit_filter: ", "cap: {quantile_low: 0.5}",
            "type: active_days", "at_least: ", "approximate: true");

    @Test
    void everyCorpusFileCompilesOrNamesItsMistakes() {
        TextFuzz.corpus("project").forEach(ProjectFileFuzzTest::compilesOrNamesItsMistakes);
    }

    @Test
    void editedFilesCompileOrNameTheirMistakes() {
        Campaign.current().tries(250).forAll(TextFuzz.mutated(TextFuzz.corpus("project"), TOKENS))
                .checkAssert(ProjectFileFuzzTest::compilesOrNamesItsMistakes);
    }

    private static void compilesOrNamesItsMistakes(String text) {
        try {
            Path folder = Files.createTempDirectory("project-fuzz");
            try {
                // getBytes writes a lone surrogate (an edit may cut a pair) as '?' where writeString would throw
                Path file = Files.write(folder.resolve("splitscope.yaml"), text.getBytes(StandardCharsets.UTF_8));
                CompiledProject compiled = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> ProjectFile.read(file, Map.of("DATA", "data")::get, List.of()));
                compiled.errors().forEach(error -> TextFuzz.assertOneLine(error.toString()));
            } finally {
                Files.deleteIfExists(folder.resolve("splitscope.yaml"));
                Files.delete(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
