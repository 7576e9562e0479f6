package io.splitscope.app.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses with a status and a one-line message (an unknown experiment: 404; a bad parameter: 400). */
final class ApiException extends RuntimeException {

    private final HttpStatus status;

    ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
