package io.splitscope.app.results;

import io.splitscope.app.analysis.AnalysisService;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The analysis service on the golden warehouse ({@code golden/streaming-small}). */
final class GoldenService {

    private GoldenService() {
    }

    static Path folder() {
        try {
            return Path.of(GoldenService.class.getResource("/golden/streaming-small").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static AnalysisService open() {
        return AnalysisService.open(folder().toString());
    }
}
