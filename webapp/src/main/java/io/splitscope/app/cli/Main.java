package io.splitscope.app.cli;


/** Entry point of the executable jar: every command of {@code ./splitscope}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            // Before any logger starts: standard output is for results, not logs.
            System.setProperty("logback.configurationFile", "splitscope-cli-logback.xml");
        }
        int status = CommandLine.run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }
}
