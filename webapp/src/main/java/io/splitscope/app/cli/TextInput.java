package io.splitscope.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A text document a command reads whole: a file, or {@code -} for standard input. It is refused
 * past a size limit before it is read (a 44 MB document once took 3.8 GB of heap to parse), and
 * must be UTF-8: the first byte that is not is named, where Java would say only "Input length = 1".
 *
 * @param source   the file, or {@code -} for standard input
 * @param maxBytes the most bytes read
 * @param limit    what to say about the limit, e.g. {@code compare reads at most 1048576 (1 MiB: …)}
 */
record TextInput(String source, int maxBytes, String limit) {

    /**
     * The document's text.
     *
     * @throws CommandException when it cannot be read, is larger than {@code maxBytes} or is not UTF-8
     */
    String read(InputStream stdin) {
        return utf8(bytes(stdin));
    }

    private byte[] bytes(InputStream stdin) {
        try {
            if (source.equals("-")) {
                return atMostMaxBytes(stdin, "standard input");
            }
            Path file = Path.of(source);
            if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                throw new CommandException(source + " is " + Files.size(file) + " bytes; " + limit);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return atMostMaxBytes(in, source); // a pipe or FIFO (--input <(…)) has no size to check first
            }
        } catch (NoSuchFileException e) {
            throw new CommandException("cannot read " + source + ": no such file");
        } catch (IOException e) {
            throw new CommandException("cannot read " + source + ": " + e.getMessage());
        }
    }

    private byte[] atMostMaxBytes(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new CommandException(name + " is more than " + maxBytes + " bytes; " + limit);
        }
        return bytes;
    }

    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never takes fewer bytes than UTF-16 chars
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new CommandException("the input is not UTF-8 text (byte " + in.position() + "); save it as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
