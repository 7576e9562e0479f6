package io.splitscope.stats.r;

/**
 * R could not compute: it is not installed, Rserve could not start, the R session stopped during
 * the computation (killed, crashed, over the time limit), or the runtime is closed. The message is
 * a complete sentence for the user — the reason of a {@code METHOD_FAILED} result — for example
 * {@value RRuntime#R_NOT_INSTALLED}.
 */
public final class RUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the reason, a sentence for the user */
    public RUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message the reason, a sentence for the user
     * @param cause   the underlying failure
     */
    public RUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
