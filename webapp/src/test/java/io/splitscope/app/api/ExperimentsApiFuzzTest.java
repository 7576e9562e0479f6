package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.app.api.ExperimentsApi.ScorecardParameters;
import io.splitscope.sql.fuzz.TextFuzz;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.http.HttpStatus;

/**
 * The REST API's parameters (experiment id, {@code method}, {@code segment}, {@code metrics},
 * {@code confidence}) as {@link ExperimentsApi} reads them, without a server, on the golden
 * warehouse: every combination — from the corpus {@code src/test/resources/fuzz/rest-parameters}
 * (one valid value a line), the warehouse's own ids, edits of them and any text — is a request or
 * a 400/404 of one line, within five seconds.
 */
class ExperimentsApiFuzzTest {

    private static AnalysisService analysis;
    private static ExperimentsApi api;

    @BeforeContainer
    static void open() {
        analysis = AnalysisService.open(GoldenWarehouse.folder().toString());
        api = new ExperimentsApi(analysis, null); // reading parameters never reaches the jobs
    }

    @AfterContainer
    static void close() {
        analysis.close();
    }

    @Property(tries = 250)
    void everyParameterIsARequestOrOneLine(@ForAll("ids") String id, @ForAll("values") String method,
                                          @ForAll("values") String segment, @ForAll("metrics") String metrics,
                                          @ForAll("values") String confidence) {
        ScorecardParameters parameters = new ScorecardParameters(method, segment, metrics, confidence);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                AnalysisRequest request = api.request(id, parameters);
                assertThat(request.experimentId()).isEqualTo(id);
            } catch (ApiException e) {
                assertThat(e.status()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
                TextFuzz.assertOneLine(e.getMessage());
            }
        });
    }

    @Provide
    Arbitrary<String> ids() {
        List<String> ids = new ArrayList<>(analysis.experiments().stream().map(e -> e.id()).toList());
        return Arbitraries.oneOf(Arbitraries.of(ids), TextFuzz.mutated(ids, List.of("/", "%", "..", "'", "\u0000")),
                Arbitraries.strings().ofMaxLength(20));
    }

    /** A value of the corpus, edited or not, any text, blank or absent (null). */
    @Provide
    Arbitrary<String> values() {
        List<String> corpus = corpusValues();
        return Arbitraries.oneOf(Arbitraries.of(corpus), TextFuzz.mutated(corpus, List.of(",", "%", ".", "-", "e", "NaN",
                "Infinity", " ", "1e309", "\u0000")), Arbitraries.strings().ofMaxLength(12), Arbitraries.of("", " ")).injectNull(0.1);
    }

    /** Comma-separated lists of known metric ids and other values, with empty items and repeats. */
    @Provide
    Arbitrary<String> metrics() {
        List<String> known = analysis.metrics().stream().map(m -> m.id()).toList();
        Arbitrary<String> item = Arbitraries.oneOf(Arbitraries.of(known), values().filter(v -> v != null));
        return Combinators.combine(item.list().ofMaxSize(5), Arbitraries.of(",", ", ", ",,"))
                .as((items, separator) -> String.join(separator, items)).injectNull(0.1);
    }

    private static List<String> corpusValues() {
        return TextFuzz.corpus("rest-parameters").stream().flatMap(String::lines).toList();
    }
}
