package io.splitscope.app.cli;

import io.splitscope.analysis.json.SufficientStatisticsComparison;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code compare --input FILE|-}: compares variants from their sufficient statistics
 * ({@link SufficientStatisticsComparison}: the input and output documents, the methods and the
 * rules for bad input); the result on standard output, notes on standard error
 * ({@code splitscope: note: welch_t ignores covariate_sum, covariate_sum_squares}).
 */
final class CompareCommand {

    static final String USAGE = "compare --input FILE|-";

    private CompareCommand() {
    }

    static void run(List<String> arguments, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        Arguments options = Arguments.parse(arguments, Set.of("input"), Set.of("debug"));
        String input = options.required("input");
        SufficientStatisticsComparison.Output output = SufficientStatisticsComparison.compare(read(input, stdin));
        output.notes().forEach(note -> stderr.println("splitscope: note: " + note));
        stdout.print(output.json());
    }

    private static String read(String input, InputStream stdin) {
        try {
            if (input.equals("-")) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(input), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandException("cannot read " + input + ": no such file");
        } catch (IOException e) {
            throw new CommandException("cannot read " + input + ": " + e.getMessage());
        }
    }
}
