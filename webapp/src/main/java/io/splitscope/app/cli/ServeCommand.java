package io.splitscope.app.cli;

import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import io.splitscope.metrics.project.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code serve --project FILE | --warehouse SOURCE [--port N] [--demo-users] [--config FILE]}: the web app and the
 * REST API on a warehouse, until interrupted. Users come from {@code --config FILE} (or the
 * environment); {@code --demo-users} adds {@code viewer}/{@code viewer} and
 * {@code analyst}/{@code analyst}; with no user at all, {@code serve} refuses to start.
 */
final class ServeCommand {

    static final String USAGE = "serve " + ProjectOption.USAGE + " [--port N] [--demo-users] [--config FILE]";

    private ServeCommand() {
    }

    static void run(List<String> arguments) {
        Set<String> valued = new java.util.HashSet<>(Set.of("port", "config"));
        valued.addAll(ProjectOption.NAMES);
        Arguments options = Arguments.parse(arguments, valued, Set.of("demo-users", "debug"));
        Project project = ProjectOption.required(options);
        long port = options.longValue("port", ServeSettings.DEFAULT_PORT);
        if (port < 1 || port > 65535) {
            throw new UsageException("option --port needs a port number from 1 to 65535, not " + port);
        }
        Path config = options.optional("config").map(Path::of).orElse(null);
        SplitscopeWebApplication.run(ServeSettings.of(project).withPort((int) port).withDemoUsers(options.flag("demo-users"))
                .withConfigFile(config));
        try {
            Thread.currentThread().join(); // the web server's threads serve until the process is interrupted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
