package io.splitscope.stats.r;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every R process of a runtime that may still run — the Rserve servers it started and the R
 * processes Rserve forked for its sessions — and ending them all when the runtime closes, also
 * those a dead Rserve left orphaned (re-parented to init, so no longer descendants of the JVM, and
 * alive as long as their connection is open).
 */
final class RProcesses {

    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

    /** Remembers a process until it has ended. */
    void add(ProcessHandle process) {
        seen.add(process);
    }

    /** Forgets the processes that have ended. */
    void forgetEnded() {
        seen.removeIf(p -> !running(p));
    }

    /**
     * The server and its descendants, every process seen and {@code sessions} (the R processes of
     * the open sessions), whether they still run or not.
     */
    Set<ProcessHandle> all(Collection<ProcessHandle> sessions, Optional<RserveProcess> server) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        server.ifPresent(s -> {
            all.add(s.process.toHandle());
            s.process.toHandle().descendants().forEach(all::add);
        });
        all.addAll(seen);
        all.addAll(sessions);
        return all;
    }

    /**
     * Ends {@code victims} (taken by {@link #all} before the sessions' connections were closed, so
     * that the sessions' R processes exit and Rserve reaps them while it runs): waits at most 1 s
     * for all but the server, asks the server to shut down (R ends normally and removes its
     * temporary directory) and waits at most 2 s, then sends whatever still runs SIGTERM, then
     * SIGKILL, removes a killed server's temporary directory and its log, and forgets every process.
     */
    void endAll(Set<ProcessHandle> victims, Optional<RserveProcess> server) {
        Set<ProcessHandle> children = new LinkedHashSet<>(victims);
        server.ifPresent(s -> children.remove(s.process.toHandle()));
        awaitExit(children, Duration.ofSeconds(1));
        boolean graceful = server.map(s -> s.shutDown(Duration.ofSeconds(2))).orElse(true);
        if (!graceful) {
            server.orElseThrow().process.destroy();
        }
        awaitExit(victims, Duration.ofMillis(graceful ? 200 : 500));
        victims.stream().filter(RProcesses::running).forEach(ProcessHandle::destroyForcibly);
        awaitExit(victims, Duration.ofSeconds(1));
        seen.clear();
        server.ifPresent(s -> {
            if (!graceful) {
                s.removeTempDir();
            }
            RserveProcess.deleteQuietly(s.log);
        });
    }

    /**
     * Whether a process still runs: alive and not a zombie (an exited process its parent has not
     * reaped yet — after Rserve dies, its children's parent is init, which in a container may
     * never reap them; they hold nothing but a process-table entry).
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    /** Waits until every process has exited or the time is up (polling: no thread pool involved). */
    private static void awaitExit(Set<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(RProcesses::running) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
