package io.splitscope.sql.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * What the fuzz tests of every module share ({@code FooFuzzTest}): the corpus of a parser — valid
 * examples and the inputs that once broke it, kept in {@code src/test/resources/fuzz/NAME/} — and
 * inputs made from it by a few random edits (a cut, a token of the format inserted, a character
 * replaced, a stretch repeated, the end cut off), and the check that an error is one line.
 */
public final class TextFuzz {

    private TextFuzz() {
    }

    /** One edit of a text, at a position given as a fraction of its length, so that it applies to any text. */
    private record Edit(int kind, double at, int length, String token) {

        String apply(String text) {
            int start = (int) (at * text.length());
            int end = Math.min(text.length(), start + length);
            return switch (kind) {
                case 0 -> text.substring(0, start) + text.substring(end);
                case 1 -> text.substring(0, start) + token + text.substring(start);
                case 2 -> text.substring(0, start) + token + text.substring(end);
                case 3 -> text.substring(0, end) + text.substring(start, end) + text.substring(end);
                default -> text.substring(0, start);
            };
        }
    }

    /** The files of {@code src/test/resources/fuzz/NAME/} (on the class path), sorted by name. */
    public static List<Path> corpusFiles(String name) {
        var url = TextFuzz.class.getResource("/fuzz/" + name);
        if (url == null) {
            throw new IllegalStateException("no fuzz corpus /fuzz/" + name + " on the class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The texts of {@link #corpusFiles} (UTF-8). */
    public static List<String> corpus(String name) {
        return corpusFiles(name).stream().map(file -> read(file, StandardCharsets.UTF_8)).toList();
    }

    /**
     * The content of a file as text in {@code charset}; ISO-8859-1 maps each byte to one character
     * and back, so that edits of bytes (files that are not UTF-8, binary files) are edits of text.
     */
    public static String read(Path file, Charset charset) {
        try {
            return Files.readString(file, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Texts made from the seeds by one to four edits; inserted tokens are drawn from {@code tokens}
     * (the format's own: quotes, separators, keys) or are a few random characters.
     */
    public static Gen<String> mutated(List<String> seeds, List<String> tokens) {
        Gen<String> token = Generate.oneOf(Generate.pick(tokens), anyText(4));
        Gen<Edit> edit = SourceDSL.integers().between(0, 4).zip(SourceDSL.doubles().between(0, 1),
                SourceDSL.integers().between(0, 40), token, Edit::new);
        return Generate.pick(seeds).zip(SourceDSL.lists().of(edit).ofSizeBetween(1, 4), (seed, edits) -> {
            String text = seed;
            for (Edit e : edits) {
                text = e.apply(text);
            }
            return text;
        });
    }

    /** Any text of at most {@code maxLength} characters, from the whole of Unicode. */
    public static Gen<String> anyText(int maxLength) {
        return SourceDSL.strings().allPossible().ofLengthBetween(0, maxLength);
    }

    /** Fails unless {@code message} is one non-blank line: what every error of Splitscope is. */
    public static void assertOneLine(String message) {
        assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("\r");
    }
}
