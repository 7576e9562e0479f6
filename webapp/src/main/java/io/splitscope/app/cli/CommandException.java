package io.splitscope.app.cli;

/** A command that ran but cannot give a result; the message is the one line the user sees. */
final class CommandException extends RuntimeException {

    CommandException(String message) {
        super(message);
    }
}
