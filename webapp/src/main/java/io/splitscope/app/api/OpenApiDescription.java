package io.splitscope.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of this API, written by hand in
 * {@value #RESOURCE} because the answers are JSON built by hand, whose shapes a generator could not
 * see; {@code OpenApiDescriptionIT} checks that it names every {@code /api} route the app maps. Like
 * every {@code /api} request, it needs a signed-in user.
 */
@RestController
@RequestMapping("/api")
public final class OpenApiDescription {

    /** The description on the class path. */
    static final String RESOURCE = "/openapi/splitscope-api.json";

    private final String document;

    /** Reads the description once. */
    public OpenApiDescription() {
        try (InputStream in = OpenApiDescription.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI description " + RESOURCE + " is missing from the class path");
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI description " + RESOURCE, e);
        }
    }

    /** {@code GET /api/openapi.json}. */
    @GetMapping(value = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public String description() {
        return document;
    }
}
