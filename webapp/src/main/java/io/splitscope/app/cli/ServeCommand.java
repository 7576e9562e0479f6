package io.splitscope.app.cli;

import io.splitscope.app.web.SplitscopeWebApplication;
import java.util.List;
import java.util.Set;

/** {@code serve --warehouse SOURCE [--port N]}: the web app on a warehouse, until interrupted. */
final class ServeCommand {

    static final String USAGE = "serve --warehouse SOURCE [--port N]";
    private static final int DEFAULT_PORT = 8080;

    private ServeCommand() {
    }

    static void run(List<String> arguments) {
        Arguments options = Arguments.parse(arguments, Set.of("warehouse", "port"), Set.of("debug"));
        String warehouse = options.required("warehouse");
        long port = options.longValue("port", DEFAULT_PORT);
        if (port < 1 || port > 65535) {
            throw new UsageException("option --port needs a port number from 1 to 65535, not " + port);
        }
        SplitscopeWebApplication.run(warehouse, (int) port);
        try {
            Thread.currentThread().join(); // the web server's threads serve until the process is interrupted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
