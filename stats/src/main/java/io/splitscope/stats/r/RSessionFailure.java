package io.splitscope.stats.r;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Why a task failed in its session, in a sentence for the user: the call was over the time limit,
 * Rserve exited, or the session's R process exited or its connection broke.
 */
final class RSessionFailure {

    private RSessionFailure() {
    }

    /**
     * The reason the session broke during a task that threw {@code e}, or empty if the session is
     * intact (R reported an error through the protocol).
     *
     * @param evalTimeout the time limit of a call, for the message of a time-out
     */
    static Optional<RUnavailableException> of(RSession session, Exception e, Duration evalTimeout) {
        IOException io = session.socket().failure();
        if (io == null && RProcesses.running(session.process()) && session.connection().isConnected()) {
            return Optional.empty();
        }
        RserveProcess server = session.server();
        if (io != null && io.getCause() instanceof SocketTimeoutException || io instanceof SocketTimeoutException) {
            return Optional.of(new RUnavailableException("R took longer than the time limit of "
                    + BigDecimal.valueOf(evalTimeout.toMillis(), 3).stripTrailingZeros().toPlainString()
                    + " s (splitscope.r.timeout) and was stopped.", e));
        }
        if (!server.stillRunning()) {
            return Optional.of(new RUnavailableException("R stopped during the computation: its Rserve process (pid "
                    + server.pid() + ") exited; it is restarted for the next analysis.", e));
        }
        return Optional.of(new RUnavailableException("R stopped during the computation: the R process of its"
                + " session (pid " + session.pid() + ") exited or its connection broke"
                + (io != null && io.getMessage() != null ? " (" + io.getMessage() + ")" : "")
                + "; the next analysis uses a new one.", e));
    }
}
