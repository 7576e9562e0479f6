package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.MeanMethod;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Option values read by {@link Converters}: grouped digits, methods and dialects by their own parsers. */
class ConvertersTest {

    @Command(name = "probe")
    static final class Probe {
        @Option(names = "--n")
        long n;
        @Option(names = "--method")
        MeanMethod method;
        @Option(names = "--dialect")
        SQLDialect dialect;
    }

    private static Probe parse(String... args) {
        Probe probe = new Probe();
        picocli.CommandLine commandLine = new picocli.CommandLine(probe);
        Converters.register(commandLine);
        commandLine.parseArgs(args);
        return probe;
    }

    @Test
    void readsWholeNumbersWithGroupedDigits() {
        assertThat(parse("--n", "200_000").n).isEqualTo(200_000L);
        assertThat(parse("--n", "-3").n).isEqualTo(-3L);
    }

    @Test
    void refusesWhatIsNotAWholeNumber() {
        assertThatThrownBy(() -> parse("--n", "2.5")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--n': '2.5' is not a whole number");
    }

    @Test
    void readsMethodsAndDialectsByTheirOwnParsers() {
        Probe probe = parse("--method", "mann_whitney", "--dialect", "postgresql");

        assertThat(probe.method).isSameAs(MeanMethod.parse("mann_whitney"));
        assertThat(probe.dialect).isEqualTo(SQLDialect.POSTGRES);
    }

    @Test
    void anUnknownValueNamesTheKnownOnes() {
        assertThatThrownBy(() -> parse("--dialect", "oracle")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--dialect': unknown SQL dialect 'oracle' (known: duckdb, postgres, trino)");
        assertThatThrownBy(() -> parse("--method", "welch")).isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("Invalid value for option '--method': unknown method 'welch' (known: welch_t, cuped,");
    }
}
