package io.splitscope.stats.r;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.rosuda.REngine.REXPMismatchException;
import org.rosuda.REngine.REngineException;
import org.rosuda.REngine.Rserve.RConnection;

/**
 * GNU R for the methods written in R: finds R, starts Rserve on a loopback port it chooses,
 * health-checks it, lends pooled sessions to one thread at a time, restarts Rserve when it died,
 * and ends every R process it started when it is {@linkplain #close() closed} or the JVM exits.
 *
 * <h2>Life cycle</h2>
 * <ul>
 *   <li><b>Finding R</b>: {@link Options#rExecutable()} if set (system property
 *       {@code splitscope.r.executable}, or the environment variable
 *       {@code SPLITSCOPE_R_EXECUTABLE}), else {@code R} on the {@code PATH}, else
 *       {@code /usr/bin/R} or {@code /usr/local/bin/R}. Without R, {@link #call} throws
 *       {@link RUnavailableException} with the message {@value #R_NOT_INSTALLED}; without the
 *       Rserve package, {@value #RSERVE_NOT_INSTALLED}.</li>
 *   <li><b>Starting</b>, lazily on the first {@link #call}: {@code R --no-save --no-restore --slave -e
 *       "Rserve::run.Rserve(port = P, remote = 'disable', ...)"} — R itself is the server, in the
 *       foreground (Debian's {@code R CMD Rserve} does not work), on a free loopback port P, with
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
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private RserveProcess server;
    /** Guarded by lock. */
    private int starts;
    /** Guarded by lock. */
    private boolean closed;
    /** Guarded by lock. */
    private Thread shutdownHook;
    /** Guarded by lock: the last "Rserve is not installed" verdict, per R executable. */
    private Path withoutRserve;

    private final Deque<RSession> idle = new ConcurrentLinkedDeque<>();
    private final Set<RSession> open = ConcurrentHashMap.newKeySet();
    /** Every R process started or served to us that may still run: servers and session processes. */
    private final Set<ProcessHandle> spawned = ConcurrentHashMap.newKeySet();

    /** A runtime that starts nothing until its first {@link #call}. */
    public RRuntime(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.permits = new Semaphore(options.poolSize(), true);
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
                RUnavailableException failure = failure(session, e);
                reusable = failure == null;
                throw failure != null ? failure
                        : new RUnavailableException("R reported an error: " + e.getMessage(), e);
            } finally {
                if (reusable && session.usable()) {
                    giveBack(session);
                } else {
                    discard(session);
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
            RserveProcess srv = ensureServer();
            return new Availability(true, srv.version);
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
        lock.lock();
        try {
            return server != null && server.alive() ? Optional.of(server.process.toHandle()) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** How many times Rserve has been started (restarts included). */
    public int starts() {
        lock.lock();
        try {
            return starts;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Every R process of this runtime that is still alive: the Rserve server, its descendants and
     * the R process of every session (also one left orphaned by a dead server).
     */
    public List<ProcessHandle> processes() {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        serverProcess().ifPresent(s -> {
            all.add(s);
            s.descendants().forEach(all::add);
        });
        all.addAll(spawned);
        open.forEach(s -> all.add(s.process()));
        return all.stream().filter(RserveProcess::running).toList();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends every R process of this runtime (see the class comment) and waits until they have
     * exited — usually within a few milliseconds, at most about five seconds; later calls fail with
     * "The R runtime is closed.". Idempotent.
     */
    @Override
    public void close() {
        RserveProcess srv;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            srv = server;
            server = null;
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException jvmShuttingDown) {
                    // the hook runs anyway
                }
            }
        } finally {
            lock.unlock();
        }
        List<RSession> sessions = new ArrayList<>(open);
        Set<ProcessHandle> victims = new LinkedHashSet<>(spawned);
        sessions.forEach(s -> victims.add(s.process()));
        if (srv != null) {
            victims.add(srv.process.toHandle());
            srv.process.toHandle().descendants().forEach(victims::add);
        }
        // 1. Close every connection: each session's R process exits, reaped by Rserve while it runs.
        for (RSession s : sessions) {
            try {
                s.connection().close();
            } catch (RuntimeException ignored) {
                // already broken
            }
        }
        open.clear();
        idle.clear();
        Set<ProcessHandle> children = new LinkedHashSet<>(victims);
        if (srv != null) {
            children.remove(srv.process.toHandle());
        }
        awaitExit(children, Duration.ofSeconds(1));
        // 2. Ask Rserve to shut down: R ends normally and removes its temporary directory.
        boolean graceful = srv == null || srv.shutDown(Duration.ofSeconds(2));
        // 3. Whatever still runs (a busy or orphaned session, a server that did not answer): SIGTERM,
        //    then SIGKILL.
        if (!graceful) {
            srv.process.destroy();
        }
        awaitExit(victims, Duration.ofMillis(graceful ? 200 : 500));
        victims.stream().filter(RserveProcess::running).forEach(ProcessHandle::destroyForcibly);
        awaitExit(victims, Duration.ofSeconds(1));
        spawned.clear();
        if (srv != null) {
            if (!graceful) {
                srv.removeTempDir();
            }
            RserveProcess.deleteQuietly(srv.log);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** A session of the running server: an idle one that is still usable, else a new one. */
    private RSession borrow() throws RUnavailableException {
        for (int attempt = 0; ; attempt++) {
            RserveProcess srv = ensureServer();
            RSession session;
            while ((session = idle.pollFirst()) != null) {
                if (session.server() == srv && session.usable()) {
                    return session;
                }
                discard(session);
            }
            try {
                return openSession(srv);
            } catch (RUnavailableException e) {
                if (attempt >= 1 || serverAlive(srv)) {
                    throw e;
                }
                // the server died between the check and the connection: start a new one, once
            }
        }
    }

    private void giveBack(RSession session) {
        boolean current;
        lock.lock();
        try {
            current = !closed && session.server() == server;
        } finally {
            lock.unlock();
        }
        if (current) {
            idle.addFirst(session);
        } else {
            discard(session);
        }
    }

    private void discard(RSession session) {
        open.remove(session);
        session.end();
        spawned.removeIf(h -> !RserveProcess.running(h));
    }

    /** The running server, started (again) if needed. */
    private RserveProcess ensureServer() throws RUnavailableException {
        lock.lock();
        try {
            if (closed) {
                throw new RUnavailableException("The R runtime is closed.");
            }
            if (server != null && server.alive()) {
                return server;
            }
            if (server != null) {
                RserveProcess dead = server;
                server = null;
                endSessionsOf(dead);
                RserveProcess.deleteQuietly(dead.log);
            }
            Path r = locateR().orElseThrow(() -> new RUnavailableException(R_NOT_INSTALLED));
            if (r.equals(withoutRserve)) {
                throw new RUnavailableException(RSERVE_NOT_INSTALLED);
            }
            RserveProcess started;
            try {
                started = RserveProcess.start(r, options.startTimeout(), spawned::add);
            } catch (RUnavailableException e) {
                if (RSERVE_NOT_INSTALLED.equals(e.getMessage())) {
                    withoutRserve = r;
                }
                throw e;
            }
            server = started;
            starts++;
            // When Rserve exits, end the R processes of its sessions at once: calls in flight fail
            // with a clear reason instead of running on in orphaned processes. A thread of its own:
            // Process.onExit() completes on the common fork-join pool, which callers may fill.
            Thread.ofPlatform().daemon().name("splitscope-rserve-watch-" + started.pid()).start(() -> {
                try {
                    started.process.waitFor();
                } catch (InterruptedException e) {
                    return;
                }
                endSessionsOf(started);
                started.removeTempDir(); // R removes it only when it ends normally
            });
            if (shutdownHook == null) {
                shutdownHook = new Thread(this::close, "splitscope-rserve-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            return started;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the R process of every session of {@code dead} (idle or in use). */
    private void endSessionsOf(RserveProcess dead) {
        for (RSession s : open) {
            if (s.server() == dead) {
                s.process().destroyForcibly();
            }
        }
    }

    private RSession openSession(RserveProcess srv) throws RUnavailableException {
        QuietSocket socket = new QuietSocket();
        ProcessHandle process = null;
        try {
            socket.connect(new InetSocketAddress(RserveProcess.LOOPBACK, srv.port), 5000);
            socket.setSoTimeout(timeoutMillis(options.evalTimeout()));
            socket.setTcpNoDelay(true);
            RConnection connection = new RConnection(socket);
            long pid = connection.eval("Sys.getpid()").asInteger();
            process = ProcessHandle.of(pid).orElseThrow(() -> new IOException("its R process has exited"));
            spawned.add(process);
            RSession session = new RSession(connection, socket, process, srv);
            open.add(session);
            try {
                session.source("runtime", PRELUDE, "eval(parse(text = .splitscope_src, keep.source = FALSE),"
                        + " envir = globalenv())");
            } catch (REngineException | REXPMismatchException e) {
                discard(session);
                throw e;
            }
            return session;
        } catch (IOException | REngineException | REXPMismatchException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
            if (process != null) {
                process.destroyForcibly();
            }
            throw new RUnavailableException("Could not open an R session on Rserve (port " + srv.port + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * The reason a session failed during a task, or null if the session is intact (R reported an
     * error through the protocol).
     */
    private RUnavailableException failure(RSession session, Exception e) {
        IOException io = session.socket().failure();
        boolean processAlive = RserveProcess.running(session.process());
        if (io == null && processAlive && session.connection().isConnected()) {
            return null;
        }
        RserveProcess srv = session.server();
        if (io != null && io.getCause() instanceof SocketTimeoutException
                || io instanceof SocketTimeoutException) {
            return new RUnavailableException("R took longer than the time limit of "
                    + java.math.BigDecimal.valueOf(options.evalTimeout().toMillis(), 3).stripTrailingZeros()
                            .toPlainString()
                    + " s (splitscope.r.timeout) and was stopped.", e);
        }
        if (!serverAlive(srv)) {
            return new RUnavailableException("R stopped during the computation: its Rserve process (pid "
                    + srv.pid() + ") exited; it is restarted for the next analysis.", e);
        }
        return new RUnavailableException("R stopped during the computation: the R process of its session (pid "
                + session.pid() + ") exited or its connection broke"
                + (io != null && io.getMessage() != null ? " (" + io.getMessage() + ")" : "")
                + "; the next analysis uses a new one.", e);
    }

    /** Whether the server still runs, giving a just-killed process a moment to be seen as dead. */
    private static boolean serverAlive(RserveProcess srv) {
        try {
            return !srv.process.waitFor(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return srv.alive();
        }
    }

    private static int timeoutMillis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /** Waits until every process has exited or the time is up (polling: no thread pool involved). */
    private static void awaitExit(Set<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(RserveProcess::running) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@link Options#rExecutable()}, else R on the PATH, else in /usr/bin or /usr/local/bin. */
    private Optional<Path> locateR() {
        if (options.rExecutable() != null) {
            return Files.isRegularFile(options.rExecutable()) && Files.isExecutable(options.rExecutable())
                    ? Optional.of(options.rExecutable()) : Optional.empty();
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isBlank()),
                        Stream.of("/usr/bin", "/usr/local/bin"))
                .map(d -> Path.of(d, "R"))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    /** The R side of the bridge, evaluated once per session (resource {@code runtime.R}). */
    private static final String PRELUDE = resource("runtime.R");

    static String resource(String name) {
        try (InputStream in = RRuntime.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/splitscope/stats/r/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
