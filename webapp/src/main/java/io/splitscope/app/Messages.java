package io.splitscope.app;

/** Error messages as the command line, the analysis jobs and the configuration checks show them. */
public final class Messages {

    private Messages() {
    }

    /**
     * A message on one line: stripped, each line break (with the blanks around it) made one space;
     * {@code "unknown error"} for none.
     */
    public static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
