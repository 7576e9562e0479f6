package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A malformed command line: exit status 2, one line naming the problem and one with the usage,
 * nothing on standard output.
 */
class UsageErrorHandlerTest {

    private static void assertUsageError(CommandLineRun run, String problem, String usage) {
        assertThat(run.status()).isEqualTo(CommandLine.USAGE);
        assertThat(run.stderr().lines()).containsExactly("splitscope: " + problem, "usage: " + usage);
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void anUnknownCommandWithTheNearestOne() {
        assertUsageError(CommandLineRun.of("anlyze", "--experiment", "e"), "unknown command 'anlyze' (did you mean 'analyze'?)",
                "splitscope [-h] [--debug] COMMAND (try: splitscope --help)");
    }

    @Test
    void anUnknownCommandWithNoNearOne() {
        assertUsageError(CommandLineRun.of("frobnicate"), "unknown command 'frobnicate'",
                "splitscope [-h] [--debug] COMMAND (try: splitscope --help)");
    }

    @Test
    void aMisspeltOptionBeforeTheRequiredOneItWasMeantToBe() {
        assertUsageError(CommandLineRun.of("analyze", "--warehouse", "x", "--experimnt", "e"),
                "unknown option --experimnt (did you mean '--experiment'?)",
                "splitscope analyze [OPTIONS] (try: splitscope analyze --help)");
    }

    @Test
    void anUnknownOptionWithAValue() {
        assertUsageError(CommandLineRun.of("compare", "--input=x.json", "--methd=welch_t"),
                "unknown option --methd", "splitscope compare [-h] [--debug] --input=FILE|- (try: splitscope compare --help)");
    }

    @Test
    void anOptionWithoutItsValue() {
        assertUsageError(CommandLineRun.of("analyze", "--warehouse", "x", "--experiment"),
                "missing required parameter for option '--experiment' (ID)",
                "splitscope analyze [OPTIONS] (try: splitscope analyze --help)");
    }

    @Test
    void anArgumentNoCommandTakes() {
        assertUsageError(CommandLineRun.of("analyze", "--warehouse", "x", "--experiment", "e", "extra"),
                "unexpected argument 'extra'", "splitscope analyze [OPTIONS] (try: splitscope analyze --help)");
    }

    @Test
    void anOptionGivenTwice() {
        assertUsageError(CommandLineRun.of("load", "--warehouse", "a", "--warehouse", "b", "--into", "jdbc:postgresql://h/d"),
                "option '--warehouse' (DIR) should be specified only once",
                "splitscope load [-h] [--debug] --warehouse=DIR --into=URL [--replace] (try: splitscope load --help)");
    }

    @Test
    void aMissingArgumentOfASubcommand() {
        assertUsageError(CommandLineRun.of("metrics", "show"), "missing required parameter: 'ID'",
                "splitscope metrics show [OPTIONS] ID (try: splitscope metrics show --help)");
    }

    @Test
    void helpForAnUnknownCommand() {
        assertUsageError(CommandLineRun.of("help", "nope"), "unknown subcommand 'nope'",
                "splitscope [-h] [--debug] COMMAND (try: splitscope --help)");
    }

    @Test
    void aProjectOrAWarehouseIsRequired() {
        assertUsageError(CommandLineRun.of("serve", "--port", "9090"), "give --project FILE or --warehouse SOURCE",
                "splitscope serve [OPTIONS] (try: splitscope serve --help)");
    }

    @Test
    void aPortOutOfRange() {
        assertUsageError(CommandLineRun.of("serve", "--warehouse", "x", "--port", "70000"),
                "option --port needs a port number from 1 to 65535, not 70000",
                "splitscope serve [OPTIONS] (try: splitscope serve --help)");
    }

    @Test
    void theShopTakesUsersNotMembers() {
        assertUsageError(CommandLineRun.of("generate", "--shop", "--members", "10", "--seed", "1", "--out", "x"),
                "the shop simulates users: give --users N, not --members",
                "splitscope generate [OPTIONS] (try: splitscope generate --help)");
    }
}
