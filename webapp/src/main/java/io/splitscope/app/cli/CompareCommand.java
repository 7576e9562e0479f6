package io.splitscope.app.cli;

import io.splitscope.analysis.json.SufficientStatisticsComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code compare --input FILE|-}: compares variants from their sufficient statistics
 * ({@link SufficientStatisticsComparison}: the input and output documents, the methods and the
 * rules for bad input); the result on standard output, notes on standard error
 * ({@code splitscope: note: welch_t ignores covariate_sum, covariate_sum_squares}).
 */
@Command(name = "compare", sortOptions = false, sortSynopsis = false, description = {"Compare variants from their sufficient statistics.",
        "JSON in ({\"method\": \"welch_t\", \"variants\": [{\"name\": \"control\", \"n\": …, \"sum\": …, "
                + "\"sum_squares\": …}, …]}), the result rows out (spec/scorecard.md)."})
final class CompareCommand extends BaseCommand {

    /** The largest input read: thousands of variants, far more than an experiment has. */
    private static final int MAX_INPUT_BYTES = 1 << 20;

    @ParentCommand
    private SplitscopeCommand splitscope;

    @Option(names = "--input", required = true, paramLabel = "FILE|-", description = "The JSON document to read; - for standard input.")
    private String input;

    @Override
    public void run() {
        SufficientStatisticsComparison.Output output = SufficientStatisticsComparison.compare(read());
        output.notes().forEach(note -> stderr().println("splitscope: note: " + note));
        stdout().print(output.json());
    }

    private String read() {
        return new TextInput(input, MAX_INPUT_BYTES, "compare reads at most " + MAX_INPUT_BYTES
                + " (1 MiB: sufficient statistics take some 200 bytes per variant)").read(splitscope.stdin());
    }
}
