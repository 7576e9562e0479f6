package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.splitscope.analysis.AnalysisRequest;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.app.api.ExperimentsApi.ScorecardParameters;
import io.splitscope.app.results.WarehouseExperiments;
import io.splitscope.sql.fuzz.Campaign;
import io.splitscope.sql.fuzz.TextFuzz;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
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

    /** One try: the experiment id of the path and the query's parameters. */
    private record Request(String id, ScorecardParameters parameters) {
    }

    @BeforeAll
    static void open() {
        analysis = AnalysisService.open(GoldenWarehouse.folder().toString());
        WarehouseExperiments experiments = new WarehouseExperiments(analysis, () -> new WarehouseFingerprint("golden"), false);
        api = new ExperimentsApi(analysis, experiments, null, null, null, null); // reading parameters never reaches the jobs
    }

    @AfterAll
    static void close() {
        analysis.close();
    }

    @Test
    void everyParameterIsARequestOrOneLine() {
        Gen<Request> requests = ids().zip(values(), values(), metrics(), values(),
                (id, method, segment, metrics, confidence) ->
                        new Request(id, new ScorecardParameters(method, segment, metrics, confidence, null)));
        Campaign.current().tries(250).forAll(requests).checkAssert(ExperimentsApiFuzzTest::isARequestOrOneLine);
    }

    private static void isARequestOrOneLine(Request tried) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                AnalysisRequest request = api.request(tried.id(), tried.parameters());
                assertThat(request.experimentId()).isEqualTo(tried.id());
            } catch (ApiException e) {
                assertThat(e.status()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
                TextFuzz.assertOneLine(e.getMessage());
            }
        });
    }

    private static Gen<String> ids() {
        List<String> ids = analysis.experiments().stream().map(e -> e.id()).toList();
        return Generate.oneOf(Generate.pick(ids), TextFuzz.mutated(ids, List.of("/", "%", "..", "'", "\u0000")),
                TextFuzz.anyText(20));
    }

    /** A value of the corpus, edited or not, any text, blank or absent (null). */
    private static Gen<String> values() {
        return orAbsent(presentValues());
    }

    private static Gen<String> presentValues() {
        List<String> corpus = corpusValues();
        return Generate.oneOf(Generate.pick(corpus), TextFuzz.mutated(corpus, List.of(",", "%", ".", "-", "e", "NaN",
                "Infinity", " ", "1e309", "\u0000")), TextFuzz.anyText(12), Generate.pick(List.of("", " ")));
    }

    /** Comma-separated lists of known metric ids and other values, with empty items and repeats. */
    private static Gen<String> metrics() {
        List<String> known = analysis.metrics().stream().map(m -> m.id()).toList();
        Gen<String> item = Generate.oneOf(Generate.pick(known), presentValues());
        return orAbsent(SourceDSL.lists().of(item).ofSizeBetween(0, 5)
                .zip(Generate.pick(List.of(",", ", ", ",,")), (items, separator) -> String.join(separator, items)));
    }

    /** The values, or null one time in ten: a parameter not given. */
    private static Gen<String> orAbsent(Gen<String> values) {
        return values.toOptionals(10).map(value -> value.orElse(null));
    }

    private static List<String> corpusValues() {
        return TextFuzz.corpus("rest-parameters").stream().flatMap(String::lines).toList();
    }
}
