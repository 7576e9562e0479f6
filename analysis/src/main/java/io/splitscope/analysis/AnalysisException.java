package io.splitscope.analysis;

/**
 * An analysis that cannot run as asked: an unknown experiment or metric, an experiment whose
 * dates or variants are inconsistent. The message is one line that names the problem.
 */
public final class AnalysisException extends RuntimeException {

    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
