package io.splitscope.app.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of every error the REST API answers: {@code {"status": 404, "error": "Not Found",
 * "message": "unknown experiment 'x'"}}. The message is one line meant for the client; a stack
 * trace or exception name never appears (those go to the server log).
 *
 * @param status  the HTTP status code
 * @param error   the status' reason phrase
 * @param message what went wrong, in one line
 */
public record ApiError(int status, String error, String message) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An error of that status. */
    public static ApiError of(HttpStatus status, String message) {
        return new ApiError(status.value(), status.getReasonPhrase(), message);
    }

    /** The JSON document. */
    public String json() {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", status);
        node.put("error", error);
        node.put("message", message);
        return JSON.writeValueAsString(node);
    }

    /** As a response entity, for controllers and exception handlers. */
    public ResponseEntity<String> response() {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json());
    }

    /** Writes the error to a servlet response (for the security filters, which answer before any controller). */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        HttpStatus known = HttpStatus.resolve(status);
        ApiError error = new ApiError(status, known == null ? "Error" : known.getReasonPhrase(), message);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(error.json());
    }
}
