package io.splitscope.app.cli;

import io.splitscope.app.web.ServeSettings;
import io.splitscope.app.web.SplitscopeWebApplication;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve --project FILE | --warehouse SOURCE [--port N] [--bind ADDRESS] [--demo-users] [--config FILE]}: the
 * web app and the REST API on a warehouse, until interrupted; on 127.0.0.1 (this machine only) unless
 * {@code --bind} says otherwise. Users come from {@code --config FILE} (or the
 * environment); {@code --demo-users} adds {@code viewer}/{@code viewer} and
 * {@code analyst}/{@code analyst}; with no user at all, {@code serve} refuses to start.
 */
@Command(name = "serve", sortOptions = false, sortSynopsis = false, description = {"Serve the web app and the REST API.",
        "On a project or warehouse, until interrupted. Without --config or --demo-users it has no users and refuses to start."})
final class ServeCommand extends BaseCommand {

    @Mixin
    private ProjectOptions project;

    @Option(names = "--port", paramLabel = "N", description = "The HTTP port (default: ${DEFAULT-VALUE}).")
    private long port = ServeSettings.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "The IP address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0: every interface).")
    private String bind = "127.0.0.1";

    @Option(names = "--demo-users", description = "Add the users viewer/viewer and analyst/analyst.")
    private boolean demoUsers;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file with the users (splitscope.users[0].name=…) and other settings.")
    private Path config;

    @Option(names = "--today", paramLabel = "DATE",
            description = "Judge the experiments on this day (YYYY-MM-DD), for a warehouse whose data stop earlier: their status,"
                    + " days left and decisions (default: today).")
    private LocalDate today;

    @Override
    public void run() {
        if (port < 1 || port > 65535) {
            throw usageError("option --port needs a port number from 1 to 65535, not " + port);
        }
        SplitscopeWebApplication.run(ServeSettings.of(project.required()).withPort((int) port).withDemoUsers(demoUsers)
                .withConfigFile(config).withBind(bindAddress()).withToday(today));
        try {
            Thread.currentThread().join(); // the web server's threads serve until the process is interrupted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code --bind}'s address: an IP address as written (no name lookup). */
    private InetAddress bindAddress() {
        if (!bind.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw usageError("option --bind needs an IP address such as 127.0.0.1 or 0.0.0.0, not '" + bind + "'");
        }
        try {
            return InetAddress.getByName(bind); // a literal address: never looked up
        } catch (UnknownHostException e) {
            throw usageError("option --bind needs an IP address such as 127.0.0.1 or 0.0.0.0, not '" + bind + "'");
        }
    }
}
