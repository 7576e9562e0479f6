package io.splitscope.stats.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Add a stat method" sections show the tested examples, not copies that drift. */
class ReadmeExampleTest {

    @Test
    void showsZTestVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/splitscope/stats/example/ZTest.java"));
        String example = source.substring(source.indexOf("import io.splitscope")).strip();

        assertThat(Files.readString(Path.of("../README.md"))).contains(example);
    }

    @Test
    void showsTheRExampleVerbatim() throws IOException {
        String example = Files.readString(Path.of("src/test/resources/io/splitscope/stats/r/example/r_z_test.R")).strip();

        assertThat(Files.readString(Path.of("../README.md"))).contains(example);
    }
}
