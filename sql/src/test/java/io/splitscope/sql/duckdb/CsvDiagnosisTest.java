package io.splitscope.sql.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.sql.WarehouseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link CsvDiagnosis} finds in CSV files DuckDB could not read, line by line as their authors count. */
class CsvDiagnosisTest {

    @TempDir
    Path folder;

    private Optional<String> problem(byte[] content) throws IOException {
        Path file = Files.write(folder.resolve("t.csv"), content);
        return CsvDiagnosis.explain("t", file).map(WarehouseException::getMessage);
    }

    private Optional<String> problem(String content) throws IOException {
        return problem(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidFileHasNoProblemWithQuotedCommasLineBreaksAndQuotes() throws IOException {
        assertThat(problem("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",3\n\n3,4,5")).isEmpty();
    }

    @Test
    void countsFieldsByTheHeadersDelimiter() throws IOException {
        assertThat(problem("a;b\n1;9,99\n2;5,00\n")).isEmpty();
        assertThat(problem("a\tb\n1\tZurich, CH\n")).isEmpty();
        assertThat(problem("a;b\n1;9,99\n2;5,00;7\n")).contains("table t (t.csv): line 3 has 3 fields where the header has 2");
    }

    @Test
    void namesTheFirstRowWithAnotherNumberOfFieldsByItsFirstLine() throws IOException {
        assertThat(problem("a,b,c\r\n1,2,3\r\n4,5\r\n6,7,8,9\r\n"))
                .contains("table t (t.csv): line 3 has 2 fields where the header has 3");
        // the quoted row spans lines 2-3; the short row is on line 4
        assertThat(problem("a,b\n1,\"x\ny\"\n\n7\n")).contains("table t (t.csv): line 5 has 1 field where the header has 2");
    }

    @Test
    void namesTheFirstByteThatIsNotUtf8() throws IOException {
        // "a,b\n" is bytes 0-3, "1,caf" 4-8: the Latin-1 é (0xE9) is byte 9
        assertThat(problem("a,b\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)))
                .contains("table t (t.csv): line 2 is not UTF-8 text (byte 9 of the file; save it as UTF-8)");
        // a UTF-8 sequence cut off at the end of the file: é is C3 A9, only C3 is there
        assertThat(problem(new byte[] {'a', '\n', (byte) 0xC3}))
                .contains("table t (t.csv): line 2 is not UTF-8 text (byte 2 of the file; save it as UTF-8)");
    }
}
