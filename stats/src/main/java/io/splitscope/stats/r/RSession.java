package io.splitscope.stats.r;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.rosuda.REngine.REXP;
import org.rosuda.REngine.REXPMismatchException;
import org.rosuda.REngine.REngineException;
import org.rosuda.REngine.Rserve.RConnection;

/**
 * One Rserve session: a connection to Rserve and the R process Rserve forked for it. Sessions are
 * pooled by {@link RRuntime} and lent to one thread at a time ({@link RRuntime#call(RTask)}); an
 * R session keeps its global environment between loans, so code {@linkplain #source loaded} once
 * stays loaded.
 */
public final class RSession {

    private final RConnection connection;
    private final QuietSocket socket;
    private final ProcessHandle process;
    private final RserveProcess server;
    /** Source key → hash of the code loaded under it. */
    private final Map<String, Integer> loaded = new HashMap<>();

    RSession(RConnection connection, QuietSocket socket, ProcessHandle process, RserveProcess server) {
        this.connection = connection;
        this.socket = socket;
        this.process = process;
        this.server = server;
    }

    /** The Rserve connection, for evaluations beyond {@link #eval}; not thread-safe, do not close it. */
    public RConnection connection() {
        return connection;
    }

    /** The id of the R process that serves this session (a child of the Rserve process). */
    public long pid() {
        return process.pid();
    }

    /** Evaluates R code and returns its value. */
    public REXP eval(String code) throws REngineException {
        return connection.eval(code);
    }

    /**
     * Evaluates R source text once per session under {@code key} (again if the text changed): the
     * text is passed as a string, so it needs no escaping. {@code loader} is an R expression that
     * evaluates the string held in the variable {@code .splitscope_src}, e.g.
     * {@code .splitscope_load("r_welch_t", .splitscope_src)}.
     */
    void source(String key, String code, String loader) throws REngineException, REXPMismatchException {
        Objects.requireNonNull(code, "code");
        Integer hash = code.hashCode();
        if (hash.equals(loaded.get(key))) {
            return;
        }
        connection.assign(".splitscope_src", code);
        REXP r = connection.eval("local({ r <- try({" + loader + "}, silent = TRUE);"
                + " rm(.splitscope_src, envir = globalenv());"
                + " if (inherits(r, 'try-error')) conditionMessage(attr(r, 'condition')) else '' })");
        String error = r.asString();
        if (!error.isEmpty()) {
            throw new REngineException(connection, error);
        }
        loaded.put(key, hash);
    }

    ProcessHandle process() {
        return process;
    }

    RserveProcess server() {
        return server;
    }

    QuietSocket socket() {
        return socket;
    }

    /** Whether the connection is open and its R process and Rserve run (without a round trip). */
    boolean usable() {
        return connection.isConnected() && socket.failure() == null && RProcesses.running(process)
                && server.alive();
    }

    /** Closes the connection (its R process then exits) and ends the R process. */
    void end() {
        try {
            connection.close();
        } catch (RuntimeException ignored) {
            // closing a broken connection
        }
        process.destroyForcibly();
    }
}
