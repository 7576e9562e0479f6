package io.splitscope.stats.r;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rosuda.REngine.REXPMismatchException;
import org.rosuda.REngine.REngineException;

/**
 * GNU R for the methods written in R: finds R, starts Rserve on a loopback port it chooses,
 * health-checks it, lends pooled sessions to one thread at a time, restarts Rserve when it died,
 * and ends every R process it started when it is {@linkplain #close() closed} or the JVM exits.
 * This class lends sessions to calls and ties the parts together, each a class of this package:
 * {@code RExecutable} finds R, {@code RserveProcess} starts and stops one Rserve,
 * {@code RserveSupervisor} keeps one running, {@code RSessionPool} opens and pools the sessions,
 * {@code RScripts} loads the runtime and method files into them, {@code RSessionFailure} says why
 * a session broke, and {@code RProcesses} tracks and ends every R process.
 *
 * <h2>Life cycle</h2>
 * <ul>
 *   <li><b>Finding R</b>: {@link Options#rExecutable()} if set (system property
 *       {@code splitscope.r.executable}, or the environment variable
 *       {@code SPLITSCOPE_R_EXECUTABLE}), else {@code R} on the {@code PATH}, else
 *       {@code /usr/bin/R} or {@code /usr/local/bin/R}. Without R, {@link #call} throws
 *       {@link RUnavailableException} with the message {@value #R_NOT_INSTALLED}; without the
 *       Rserve package, {@value #RSERVE_NOT_INSTALLED}.</li>
 *   <li><b>Starting</b>, lazily on the first {@link #call}: {@code R --no-save --no-restore --slave
 *       --file=server.R --args P}, whose script runs {@code Rserve::run.Rserve(port = P, remote = 'disable',
 *       ...)} — R itself is the server, in the foreground (Debian's {@code R CMD Rserve} does not work), on a free loopback port P, with
 *       no configuration file; its output goes to a temporary log whose last lines explain a failed
 *       start. The start returns once a health check — a connection evaluating R's version, served
 *       by a child of the process started — succeeds (within {@link Options#startTimeout()}); a port
 *       taken in between is retried with another one.</li>
 *   <li><b>Sessions</b>: Rserve forks one R process per connection, and a connection is not
 *       thread-safe, so each {@link #call} borrows a session of its own from a pool of at most
 *       {@link Options#poolSize()} (callers beyond that wait) and returns it afterwards; an idle
 *       session keeps its loaded R code for the next call. Each session knows the pid of its R
 *       process ({@code Sys.getpid()}). Reads time out after {@link Options#evalTimeout()}: the
 *       session's R process is then ended and the call fails with a clear reason.</li>
 *   <li><b>Restarting</b>: when the Rserve process exits (killed, crashed), the runtime ends the R
 *       processes of all its sessions at once — calls in flight fail with "R stopped during the
 *       computation …" — and the next {@link #call} starts a new Rserve.</li>
 *   <li><b>Stopping</b>: {@link #close()} (and a JVM shutdown hook registered with the first start,
 *       removed by {@code close}) closes every connection and waits (at most 1 s) for the sessions'
 *       R processes to exit while Rserve still reaps them, then sends Rserve the protocol's shutdown
 *       command (R leaves {@code run.Rserve} and ends normally, removing its temporary directory)
 *       and waits at most 2 s; whatever R process still runs then — the server, its
 *       {@linkplain ProcessHandle#descendants() descendants}, and every session process the runtime
 *       has seen, also those that a dead Rserve left orphaned (re-parented to init, so no longer our
 *       descendants, and alive as long as their connection is open) — gets SIGTERM, then SIGKILL,
 *       and a killed R's temporary directory is removed. A process that has exited but that its
 *       parent has not reaped (a zombie) counts as ended.</li>
 *   <li><b>Owner killed</b>: when this JVM ends without running its shutdown hook (SIGKILL, a
 *       crash), R's watchdog — a process the server script forks before it serves, which reads the
 *       server's standard input, a pipe only this JVM writes to — sees the pipe close, kills the
 *       server's sessions and ends the server, so no R process outlives its owner.</li>
 * </ul>
 *
 * <p>{@link #shared()} is the runtime of the methods in the registry
 * ({@link io.splitscope.stats.ComparisonMethods}); an application closes it with
 * {@link #closeShared()} when it stops (the shutdown hook does it otherwise).
 */
public final class RRuntime implements AutoCloseable {

    /** The reason given when R is not found. */
    public static final String R_NOT_INSTALLED = "R is not installed (apt-get install r-base-core r-cran-rserve)";

    /** The reason given when R is found but its Rserve package is not. */
    public static final String RSERVE_NOT_INSTALLED =
            "The R package Rserve is not installed (apt-get install r-base-core r-cran-rserve)";

    /**
     * How the runtime finds and runs R.
     *
     * @param rExecutable the R executable, or null to search the {@code PATH}, {@code /usr/bin} and
     *                    {@code /usr/local/bin} for {@code R}
     * @param poolSize    the most R sessions open at once (concurrent calls), at least 1
     * @param startTimeout how long Rserve may take to accept its first connection
     * @param evalTimeout  how long one call may wait for R before its session is ended
     */
    public record Options(Path rExecutable, int poolSize, Duration startTimeout, Duration evalTimeout) {

        /** @throws IllegalArgumentException if the pool size is below 1 or a duration not positive */
        public Options {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
            }
            Objects.requireNonNull(startTimeout, "startTimeout");
            Objects.requireNonNull(evalTimeout, "evalTimeout");
            if (startTimeout.isNegative() || startTimeout.isZero() || evalTimeout.isNegative() || evalTimeout.isZero()) {
                throw new IllegalArgumentException("time-outs must be positive");
            }
        }

        /**
         * The defaults, overridable with system properties: {@code splitscope.r.executable} (or the
         * environment variable {@code SPLITSCOPE_R_EXECUTABLE}; default: search), {@code splitscope.r.pool}
         * (default: the number of processors, at most 4), {@code splitscope.r.timeout} (seconds per
         * call, default 600); start time-out 60 s.
         */
        public static Options defaults() {
            String r = System.getProperty("splitscope.r.executable", System.getenv("SPLITSCOPE_R_EXECUTABLE"));
            int pool = Integer.getInteger("splitscope.r.pool", Math.min(4, Runtime.getRuntime().availableProcessors()));
            long timeout = Long.getLong("splitscope.r.timeout", 600);
            return new Options(r == null || r.isBlank() ? null : Path.of(r), pool, Duration.ofSeconds(60),
                    Duration.ofSeconds(timeout));
        }

        /** These options with another R executable (null: search). */
        public Options withRExecutable(Path executable) {
            return new Options(executable, poolSize, startTimeout, evalTimeout);
        }

        /** These options with another pool size. */
        public Options withPoolSize(int size) {
            return new Options(rExecutable, size, startTimeout, evalTimeout);
        }

        /** These options with another per-call time-out. */
        public Options withEvalTimeout(Duration timeout) {
            return new Options(rExecutable, poolSize, startTimeout, timeout);
        }
    }

    private static final Object SHARED_LOCK = new Object();
    private static RRuntime shared;

    /** The runtime of the registered R methods, created on first use with {@link Options#defaults()}. */
    public static RRuntime shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                shared = new RRuntime(Options.defaults());
            }
            return shared;
        }
    }

    /**
     * Closes the shared runtime, if one exists, ending its R processes; a later {@link #shared()}
     * creates a new one. Call it when the application stops.
     */
    public static void closeShared() {
        RRuntime runtime;
        synchronized (SHARED_LOCK) {
            runtime = shared;
            shared = null;
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private final Options options;
    private final Semaphore permits;
    private final RProcesses processes = new RProcesses();
    private final RSessionPool pool;
    private final RserveSupervisor supervisor;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A runtime that starts nothing until its first {@link #call}. */
    public RRuntime(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.permits = new Semaphore(options.poolSize(), true);
        this.pool = new RSessionPool(processes, options.evalTimeout());
        this.supervisor = new RserveSupervisor(options, processes, pool::endSessionsOf, this::close);
    }

    /** The options of this runtime. */
    public Options options() {
        return options;
    }

    /**
     * Runs {@code task} in an R session of its own, starting (or restarting) Rserve if needed.
     *
     * @throws RUnavailableException with a sentence for the user if R is not installed, Rserve
     *                               cannot start, the session stopped or timed out during the task,
     *                               R reported an error the task did not catch, or the runtime is
     *                               closed
     */
    public <T> T call(RTask<T> task) throws RUnavailableException {
        Objects.requireNonNull(task, "task");
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RUnavailableException("Interrupted while waiting for an R session.", e);
        }
        try {
            RSession session = borrow();
            boolean reusable = false;
            try {
                T result = task.run(session);
                reusable = true;
                return result;
            } catch (REngineException | REXPMismatchException e) {
                Optional<RUnavailableException> broken = RSessionFailure.of(session, e, options.evalTimeout());
                reusable = broken.isEmpty();
                throw broken.orElseGet(() -> new RUnavailableException("R reported an error: " + e.getMessage(), e));
            } finally {
                if (reusable && session.usable() && supervisor.isCurrent(session.server())) {
                    pool.giveBack(session);
                } else {
                    pool.discard(session);
                }
            }
        } finally {
            permits.release();
        }
    }

    /**
     * Whether R can be used, starting Rserve if it is not running: the R and Rserve versions (e.g.
     * {@code R version 4.2.2 Patched (2022-11-10 r83330), Rserve 1.8.11}) or the reason it cannot.
     */
    public Availability availability() {
        try {
            return new Availability(true, supervisor.server().version);
        } catch (RUnavailableException e) {
            return new Availability(false, e.getMessage());
        }
    }

    /**
     * Whether R can be used, and its version or the reason why not.
     *
     * @param available whether R methods can run
     * @param detail    the R and Rserve versions, or the reason R cannot be used
     */
    public record Availability(boolean available, String detail) {
    }

    /** The running Rserve server process, if any. */
    public Optional<ProcessHandle> serverProcess() {
        return supervisor.running().map(s -> s.process.toHandle());
    }

    /** How many times Rserve has been started (restarts included). */
    public int starts() {
        return supervisor.starts();
    }

    /**
     * Every R process of this runtime that is still alive: the Rserve server, its descendants and
     * the R process of every session (also one left orphaned by a dead server).
     */
    public List<ProcessHandle> processes() {
        return processes.all(pool.processes(), supervisor.running()).stream().filter(RProcesses::running).toList();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Ends every R process of this runtime (see the class comment) and waits until they have
     * exited — usually within a few milliseconds, at most about five seconds; later calls fail with
     * "The R runtime is closed.". Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Optional<RserveProcess> server = supervisor.stop();
        // Taken before the connections close: a session's R process is a descendant of Rserve until then.
        Set<ProcessHandle> victims = processes.all(pool.processes(), server);
        pool.closeAll();
        processes.endAll(victims, server);
    }

    /** A session of the running server, which is started (again) if needed. */
    private RSession borrow() throws RUnavailableException {
        for (int attempt = 0; ; attempt++) {
            RserveProcess server = supervisor.server();
            try {
                return pool.borrow(server);
            } catch (RUnavailableException e) {
                if (attempt >= 1 || server.stillRunning()) {
                    throw e;
                }
                // the server died between the check and the connection: start a new one, once
            }
        }
    }
}
