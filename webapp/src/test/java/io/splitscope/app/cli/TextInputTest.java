package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document read whole from a file or standard input: at most so many bytes, UTF-8. */
class TextInputTest {

    private static TextInput input(String source) {
        return new TextInput(source, 8, "at most 8 here");
    }

    private static ByteArrayInputStream stdin(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void readsUpToTheLimitFromAFileOrStandardInput(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("in.json"), "{\"é\": 1}"); // 8 characters, 9 bytes (é is 2)
        assertThatThrownBy(() -> input(file.toString()).read(stdin(new byte[0])))
                .isInstanceOf(CommandException.class).hasMessage(file + " is 9 bytes; at most 8 here");
        Files.writeString(file, "{\"é\":1}"); // 8 bytes
        assertThat(input(file.toString()).read(stdin(new byte[0]))).isEqualTo("{\"é\":1}");

        assertThat(input("-").read(stdin("{\"é\":1}".getBytes(StandardCharsets.UTF_8)))).isEqualTo("{\"é\":1}");
        assertThatThrownBy(() -> input("-").read(stdin("123456789".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("standard input is more than 8 bytes; at most 8 here");
    }

    @Test
    void aPipeWithoutASizeIsCutAtTheLimitToo(@TempDir Path dir) throws Exception {
        // a FIFO, as --input <(…) or /dev/stdin give: Files.size says 0, whatever comes through it
        Path fifo = dir.resolve("in.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (var out = Files.newOutputStream(fifo)) {
                out.write("123456789".getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the reader closed the pipe after the limit
            }
        });
        assertThatThrownBy(() -> input(fifo.toString()).read(stdin(new byte[0])))
                .isInstanceOf(CommandException.class).hasMessage(fifo + " is more than 8 bytes; at most 8 here");
        writer.join(5_000);
    }

    @Test
    void namesAMissingFileAndTheFirstByteThatIsNotUtf8(@TempDir Path dir) {
        assertThatThrownBy(() -> input(dir.resolve("nope.json").toString()).read(stdin(new byte[0])))
                .hasMessage("cannot read " + dir.resolve("nope.json") + ": no such file");
        // é cut off after its first byte (C3 of C3 A9), at byte 2
        assertThatThrownBy(() -> input("-").read(stdin(new byte[] {'{', '"', (byte) 0xC3})))
                .hasMessage("the input is not UTF-8 text (byte 2); save it as UTF-8");
    }
}
