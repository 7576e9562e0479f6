package io.splitscope.app.web;

import io.splitscope.metrics.preset.StreamingPreset;
import io.splitscope.metrics.project.Project;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How to start the web app ({@link SplitscopeWebApplication#run(ServeSettings)}): what
 * {@code ./splitscope serve} is given.
 *
 * @param project         the project: a project file's, or the streaming preset over a warehouse
 * @param port            the HTTP port; 0 picks a free one
 * @param demoUsers       whether to add the demo users {@code viewer}/{@code viewer} and
 *                        {@code analyst}/{@code analyst} ({@code --demo-users})
 * @param configFile      a {@code .properties}, {@code .yml} or {@code .yaml} file with users and
 *                        other settings ({@code --config}), or null
 * @param resultsLocation where to keep results, overriding the default next to the warehouse (a
 *                        folder, a {@code .duckdb} file, or {@code "memory"}), or null — see
 *                        {@code io.splitscope.analysis.results.ResultsLocation}
 * @param bind            the address to listen on ({@code --bind}): loopback unless told otherwise,
 *                        so that only this machine can connect; {@code 0.0.0.0} for every interface
 * @param today           the day experiments are judged on ({@code --today}), for a warehouse whose
 *                        data stop at some past day (the demo): the experiments' status, and the
 *                        decisions' clock (days left, the look of a group-sequential design), which
 *                        runs on from the start of that day; null for today
 */
public record ServeSettings(Project project, int port, boolean demoUsers, Path configFile, String resultsLocation,
                            InetAddress bind, LocalDate today) {

    /** The port {@code serve} uses unless told otherwise. */
    public static final int DEFAULT_PORT = 8080;

    public ServeSettings {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
    }

    /** The streaming preset over {@code warehouse} on port 8080 of loopback, users from configuration only, results next to the warehouse. */
    public static ServeSettings of(String warehouse) {
        return of(StreamingPreset.project(warehouse));
    }

    /** {@code project} on port 8080 of loopback, users from configuration only, results next to its warehouse. */
    public static ServeSettings of(Project project) {
        return new ServeSettings(project, DEFAULT_PORT, false, null, null, InetAddress.getLoopbackAddress(), null);
    }

    /** The same on another port (0: any free one). */
    public ServeSettings withPort(int port) {
        return new ServeSettings(project, port, demoUsers, configFile, resultsLocation, bind, today);
    }

    /** The same with or without the demo users. */
    public ServeSettings withDemoUsers(boolean demoUsers) {
        return new ServeSettings(project, port, demoUsers, configFile, resultsLocation, bind, today);
    }

    /** The same with a configuration file. */
    public ServeSettings withConfigFile(Path configFile) {
        return new ServeSettings(project, port, demoUsers, configFile, resultsLocation, bind, today);
    }

    /** The same with results kept elsewhere: a folder, a {@code .duckdb} file, or {@code "memory"}. */
    public ServeSettings withResultsLocation(String resultsLocation) {
        return new ServeSettings(project, port, demoUsers, configFile, resultsLocation, bind, today);
    }

    /** The same listening on another address ({@code 0.0.0.0}: every interface). */
    public ServeSettings withBind(InetAddress bind) {
        return new ServeSettings(project, port, demoUsers, configFile, resultsLocation, bind, today);
    }

    /** The same judging experiments on another day (null: today). */
    public ServeSettings withToday(LocalDate today) {
        return new ServeSettings(project, port, demoUsers, configFile, resultsLocation, bind, today);
    }

    /** The analyses' clock: the system's, or one that runs on from the start of {@link #today} (UTC). */
    public Clock clock() {
        Clock system = Clock.systemUTC();
        return today == null ? system : Clock.offset(system, Duration.between(system.instant(), today.atStartOfDay(ZoneOffset.UTC)));
    }
}
