package io.splitscope.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the command line, with what it printed. */
public record CommandLineRun(int status, String stdout, String stderr) {

    public static CommandLineRun of(String... args) {
        return of(System.in, args);
    }

    /** The same, reading {@code stdin} as standard input. */
    public static CommandLineRun of(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = CommandLine.run(args, stdin, stdout, stderr);
            return new CommandLineRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** The last line on standard error: where the command line reports a failure. */
    String lastErrorLine() {
        String[] lines = stderr.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
