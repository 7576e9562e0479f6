package io.splitscope.app.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The command line: parses the arguments with picocli into one of the commands of
 * {@link SplitscopeCommand} and runs it; every failure becomes one line on standard error and a
 * non-zero exit status ({@link UsageErrorHandler}, {@link FailureHandler}, and running out of memory
 * here).
 */
public final class CommandLine {

    /** Exit status of a run that worked. */
    public static final int OK = 0;
    /** Exit status of a run that failed on its input or its data. */
    public static final int FAILED = 1;
    /** Exit status of a command line that does not say what to do. */
    public static final int USAGE = 2;

    private CommandLine() {
    }

    /** Runs the command of {@code args} on the process's standard input; returns the exit status. */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        return run(args, System.in, stdout, stderr);
    }

    /** Runs the command of {@code args}; returns the exit status. */
    public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        PrintWriter out = writer(stdout);
        PrintWriter err = writer(stderr);
        picocli.CommandLine commandLine = new picocli.CommandLine(new SplitscopeCommand(stdin))
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new FailureHandler());
        Converters.register(commandLine);
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli lets errors through; the stack is unwound, so its memory is free for one line
            err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The line for a run that ran out of memory, with a heap twice as large to try:
     * {@code splitscope: error: out of memory (the Java heap's limit is 512 MB); give it more, e.g.
     * SPLITSCOPE_JAVA_OPTS=-Xmx1024m ./splitscope ...} (the launcher passes that variable to Java).
     */
    static String outOfMemory(long maxHeapBytes) {
        long megabytes = Math.max(1, maxHeapBytes >> 20);
        return "splitscope: error: out of memory (the Java heap's limit is " + megabytes
                + " MB); give it more, e.g. SPLITSCOPE_JAVA_OPTS=-Xmx" + 2 * megabytes + "m ./splitscope ...";
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }
}
