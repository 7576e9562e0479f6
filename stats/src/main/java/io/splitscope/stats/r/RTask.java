package io.splitscope.stats.r;

import org.rosuda.REngine.REXPMismatchException;
import org.rosuda.REngine.REngineException;

/**
 * Work done in one R session, see {@link RRuntime#call(RTask)}. The session is the caller's alone
 * for the duration of {@link #run}; it must not be kept after it returns.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface RTask<T> {

    /**
     * Runs in {@code session}.
     *
     * @throws REngineException      if R or the connection fails (the runtime turns it into an
     *                               {@link RUnavailableException} with the reason)
     * @throws REXPMismatchException if R returned something of another type than expected
     */
    T run(RSession session) throws REngineException, REXPMismatchException;
}
