package io.splitscope.app.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses with a status and a one-line message (an unknown experiment: 404; a bad parameter: 400). */
final class ApiException extends RuntimeException {

    private final HttpStatus status;

    ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** The 404 of an experiment id the warehouse does not have. */
    static ApiException unknownExperiment(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "unknown experiment '" + id + "'");
    }

    HttpStatus status() {
        return status;
    }
}
