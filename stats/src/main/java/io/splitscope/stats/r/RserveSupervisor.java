package io.splitscope.stats.r;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps one Rserve running for a runtime: starts it on the first request, and on a request after
 * it has exited (killed, crashed) starts a new one; when it exits, ends the R processes of its
 * sessions at once, so that calls in flight fail with a clear reason instead of running on in
 * orphaned processes. Remembers that an R executable lacks the Rserve package, registers a JVM
 * shutdown hook with the first start, and starts nothing once {@linkplain #stop() stopped}.
 */
final class RserveSupervisor {

    private final RRuntime.Options options;
    private final RProcesses processes;
    private final Consumer<RserveProcess> endSessionsOf;
    private final Runnable atJvmExit;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private RserveProcess server;
    /** Guarded by lock. */
    private int starts;
    /** Guarded by lock. */
    private boolean stopped;
    /** Guarded by lock. */
    private Thread shutdownHook;
    /** Guarded by lock: the last "Rserve is not installed" verdict, per R executable. */
    private Path withoutRserve;

    /**
     * @param options       the R executable and the start time-out
     * @param processes     where every server started is remembered
     * @param endSessionsOf ends the R processes of the sessions of a server that has exited
     * @param atJvmExit     what the JVM shutdown hook runs (the runtime's close)
     */
    RserveSupervisor(RRuntime.Options options, RProcesses processes, Consumer<RserveProcess> endSessionsOf,
            Runnable atJvmExit) {
        this.options = options;
        this.processes = processes;
        this.endSessionsOf = endSessionsOf;
        this.atJvmExit = atJvmExit;
    }

    /**
     * The running server, started (again) if needed.
     *
     * @throws RUnavailableException if R or Rserve is not installed, Rserve cannot start, or this
     *                               supervisor is stopped
     */
    RserveProcess server() throws RUnavailableException {
        lock.lock();
        try {
            if (stopped) {
                throw new RUnavailableException("The R runtime is closed.");
            }
            if (server != null && server.alive()) {
                return server;
            }
            if (server != null) {
                RserveProcess dead = server;
                server = null;
                endSessionsOf.accept(dead);
                RserveProcess.deleteQuietly(dead.log);
            }
            server = start();
            starts++;
            watch(server);
            if (shutdownHook == null) {
                shutdownHook = new Thread(atJvmExit, "splitscope-rserve-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            return server;
        } finally {
            lock.unlock();
        }
    }

    /** The server if it runs. */
    Optional<RserveProcess> running() {
        return guarded(() -> Optional.ofNullable(server).filter(RserveProcess::alive));
    }

    /** Whether {@code candidate} is the current server and this supervisor is not stopped. */
    boolean isCurrent(RserveProcess candidate) {
        return guarded(() -> !stopped && candidate == server);
    }

    /** How many times Rserve has been started (restarts included). */
    int starts() {
        return guarded(() -> starts);
    }

    /**
     * Stops supervising: later requests fail with "The R runtime is closed.", and the shutdown hook
     * is removed (unless it is the caller). The last server, running or not, is the caller's to end.
     */
    Optional<RserveProcess> stop() {
        return guarded(() -> {
            stopped = true;
            Optional<RserveProcess> last = Optional.ofNullable(server);
            server = null;
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException jvmShuttingDown) {
                    // the hook runs anyway
                }
            }
            return last;
        });
    }

    /** Starts Rserve with the R found, unless that R is known to lack Rserve. Called under lock. */
    private RserveProcess start() throws RUnavailableException {
        Path r = RExecutable.locate(options.rExecutable())
                .orElseThrow(() -> new RUnavailableException(RRuntime.R_NOT_INSTALLED));
        if (r.equals(withoutRserve)) {
            throw new RUnavailableException(RRuntime.RSERVE_NOT_INSTALLED);
        }
        try {
            return RserveProcess.start(r, options.startTimeout(), processes::add);
        } catch (RUnavailableException e) {
            if (RRuntime.RSERVE_NOT_INSTALLED.equals(e.getMessage())) {
                withoutRserve = r;
            }
            throw e;
        }
    }

    /**
     * Ends the sessions of {@code started} as soon as it exits. A thread of its own:
     * Process.onExit() completes on the common fork-join pool, which callers may fill.
     */
    private void watch(RserveProcess started) {
        Thread.ofPlatform().daemon().name("splitscope-rserve-watch-" + started.pid()).start(() -> {
            try {
                started.process.waitFor();
            } catch (InterruptedException e) {
                return;
            }
            endSessionsOf.accept(started);
            started.removeTempDir(); // R removes it only when it ends normally
        });
    }

    private <T> T guarded(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }
}
