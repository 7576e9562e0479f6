package io.splitscope.sql;

/**
 * A warehouse that cannot be opened or queried: a missing table or column, a value of the wrong
 * type, an unreadable file. The message is one line that names the problem.
 */
public final class WarehouseException extends RuntimeException {

    public WarehouseException(String message) {
        super(message);
    }

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
