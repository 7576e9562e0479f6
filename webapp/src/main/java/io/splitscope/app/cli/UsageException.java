package io.splitscope.app.cli;

/** A command line that does not say what to do: an unknown option, a missing or malformed value. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
