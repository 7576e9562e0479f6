package io.splitscope.stats.r;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.rosuda.REngine.REXPMismatchException;
import org.rosuda.REngine.REngineException;
import org.rosuda.REngine.Rserve.RConnection;

/**
 * The R sessions of a runtime. A call borrows one — the most recently used idle session of the
 * current Rserve that is still usable, else a new one — and gives it back or discards it; an idle
 * session keeps its loaded R code. Opening a session connects to Rserve (reads then time out after
 * the time limit of a call), learns the pid of the R process Rserve forked for it and loads the
 * runtime ({@link RScripts#loadRuntime}). How many sessions are open at once is up to the caller.
 */
final class RSessionPool {

    private final RProcesses processes;
    private final Duration evalTimeout;
    private final Deque<RSession> idle = new ConcurrentLinkedDeque<>();
    private final Set<RSession> open = ConcurrentHashMap.newKeySet();

    /**
     * @param processes   where the R process of each session opened is remembered
     * @param evalTimeout how long a read may wait for R
     */
    RSessionPool(RProcesses processes, Duration evalTimeout) {
        this.processes = processes;
        this.evalTimeout = evalTimeout;
    }

    /** An idle session of {@code server} that is still usable, else a new one (idle ones of other servers are discarded). */
    RSession borrow(RserveProcess server) throws RUnavailableException {
        RSession session;
        while ((session = idle.pollFirst()) != null) {
            if (session.server() == server && session.usable()) {
                return session;
            }
            discard(session);
        }
        return open(server);
    }

    /** Keeps a usable session for the next call. */
    void giveBack(RSession session) {
        idle.addFirst(session);
    }

    /** Ends a session and its R process. */
    void discard(RSession session) {
        open.remove(session);
        session.end();
        processes.forgetEnded();
    }

    /** Ends the R process of every session of {@code dead} (idle or in use): its calls in flight fail at once. */
    void endSessionsOf(RserveProcess dead) {
        for (RSession s : open) {
            if (s.server() == dead) {
                s.process().destroyForcibly();
            }
        }
    }

    /** The R processes of the open sessions. */
    List<ProcessHandle> processes() {
        return open.stream().map(RSession::process).toList();
    }

    /** Closes every session's connection (its R process then exits) and forgets them all. */
    void closeAll() {
        for (RSession s : List.copyOf(open)) {
            try {
                s.connection().close();
            } catch (RuntimeException ignored) {
                // already broken
            }
        }
        open.clear();
        idle.clear();
    }

    private RSession open(RserveProcess server) throws RUnavailableException {
        QuietSocket socket = new QuietSocket();
        ProcessHandle process = null;
        try {
            socket.connect(new InetSocketAddress(RserveProcess.LOOPBACK, server.port), 5000);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, evalTimeout.toMillis())));
            socket.setTcpNoDelay(true);
            RConnection connection = new RConnection(socket);
            long pid = connection.eval("Sys.getpid()").asInteger();
            process = ProcessHandle.of(pid).orElseThrow(() -> new IOException("its R process has exited"));
            processes.add(process);
            RSession session = new RSession(connection, socket, process, server);
            open.add(session);
            try {
                RScripts.loadRuntime(session);
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
            throw new RUnavailableException("Could not open an R session on Rserve (port " + server.port + "): "
                    + e.getMessage(), e);
        }
    }
}
