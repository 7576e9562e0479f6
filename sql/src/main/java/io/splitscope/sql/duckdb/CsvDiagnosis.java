package io.splitscope.sql.duckdb;

import io.splitscope.sql.WarehouseException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Why DuckDB could not read a CSV file, in words its author can act on: the first line that is not
 * UTF-8 ({@code line 3 is not UTF-8 text (byte 87)}) or the first row whose number of fields differs
 * from the header's ({@code line 3 has 4 fields where the header has 3}). DuckDB says only "CSV Error
 * on Line: 3" for the first and, for the second, may take the longer row for the header; this scan
 * runs only after DuckDB failed, so valid files are read once, by DuckDB.
 *
 * <p>Fields are counted as RFC 4180 and {@link FolderTableSources} read them: separated by the
 * file's delimiter — the one of {@code , ; TAB |} its header line has most of (DuckDB detects the
 * delimiter itself, and a semicolon file's decimal commas are no separators) —, {@code "} quotes a
 * field (which may span lines), {@code ""} is a quote inside it. Blank lines are skipped. Lines are
 * the file's physical lines, 1 being the header; a row that spans lines is named by its first.
 */
final class CsvDiagnosis {

    private CsvDiagnosis() {
    }

    /**
     * {@code table T (FILE): PROBLEM} for the first problem of {@code file}, or empty when it has none
     * (then DuckDB's own message is the one to give).
     */
    static Optional<WarehouseException> explain(String table, Path file) {
        String where = "table " + table + " (" + file.getFileName() + ")";
        try {
            return firstProblem(file).map(problem -> new WarehouseException(where + ": " + problem));
        } catch (IOException e) {
            return Optional.of(new WarehouseException(where + " cannot be read: " + e.getMessage(), e));
        }
    }

    /**
     * {@link #explain} when DuckDB made {@code columns} columns of {@code file} but its header line
     * has another number of fields: DuckDB may take a longer row for the header without failing.
     */
    static Optional<WarehouseException> explainOtherColumns(String table, Path file, int columns) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) { // a header's separators are ASCII
            String header = Objects.requireNonNullElse(reader.readLine(), "");
            Fields fields = new Fields(Fields.delimiterOf(header));
            fields.add(header);
            return fields.endRow() == columns ? Optional.empty() : explain(table, file);
        } catch (IOException e) {
            return Optional.of(new WarehouseException("table " + table + " (" + file.getFileName() + ") cannot be read: "
                    + e.getMessage(), e));
        }
    }

    /** The first problem of {@code file}, or empty when it is UTF-8 with as many fields in every row as in its header. */
    private static Optional<String> firstProblem(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Fields fields = null; // made with the header's delimiter
            int headerFields = -1;
            long lineNumber = 0;
            long rowStart = 1;
            long offset = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (boolean more = true; more; ) {
                line.reset();
                int b;
                while ((b = in.read()) != -1 && b != '\n') {
                    line.write(b);
                }
                more = b != -1;
                if (!more && line.size() == 0) {
                    break;
                }
                lineNumber++;
                byte[] bytes = line.toByteArray();
                String text;
                try {
                    text = decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                    return Optional.of("line " + lineNumber + " is not UTF-8 text (byte " + (offset + firstBadByte(bytes))
                            + " of the file; save it as UTF-8)");
                }
                offset += bytes.length + 1;
                if ((fields == null || !fields.inQuotes()) && text.strip().isEmpty()) {
                    rowStart = lineNumber + 1;
                    continue;
                }
                if (fields == null) {
                    fields = new Fields(Fields.delimiterOf(text));
                }
                fields.add(text);
                if (fields.inQuotes()) {
                    continue; // the row goes on on the next line
                }
                int count = fields.endRow();
                if (headerFields < 0) {
                    headerFields = count;
                } else if (count != headerFields) {
                    return Optional.of("line " + rowStart + " has " + count + " field" + (count == 1 ? "" : "s")
                            + " where the header has " + headerFields);
                }
                rowStart = lineNumber + 1;
            }
            return Optional.empty();
        }
    }

    /** Where in {@code bytes} the first malformed UTF-8 sequence starts. */
    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, java.nio.CharBuffer.allocate(bytes.length), true);
        return in.position();
    }

    /** The fields of the row being read, counted across its lines. */
    private static final class Fields {

        private static final String DELIMITERS = ",;\t|";

        private final char delimiter;
        private int count = 1;
        private boolean quoted;

        Fields(char delimiter) {
            this.delimiter = delimiter;
        }

        /** The delimiter of {@link #DELIMITERS} that {@code header} has most of; a comma when it has none. */
        static char delimiterOf(String header) {
            char best = ',';
            long most = 0;
            for (char candidate : DELIMITERS.toCharArray()) {
                long count = header.chars().filter(c -> c == candidate).count();
                if (count > most) {
                    best = candidate;
                    most = count;
                }
            }
            return best;
        }

        boolean inQuotes() {
            return quoted;
        }

        void add(String line) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted; // "" inside quotes closes and reopens: the count stays right
                } else if (c == delimiter && !quoted) {
                    count++;
                }
            }
        }

        /** The row's number of fields; the next row starts. */
        int endRow() {
            int fields = count;
            count = 1;
            return fields;
        }
    }
}
