package io.splitscope.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.app.api.ExperimentsApi.ScorecardParameters;
import io.splitscope.app.results.WarehouseExperiments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The {@code segment} parameter as {@link ExperimentsApi} reads it, without a server, on the golden warehouse. */
class ExperimentsApiTest {

    private static AnalysisService analysis;
    private static ExperimentsApi api;

    @BeforeAll
    static void open() {
        analysis = AnalysisService.open(GoldenWarehouse.folder().toString());
        api = new ExperimentsApi(analysis, new WarehouseExperiments(analysis, () -> new WarehouseFingerprint("golden"), false), null, null, null, null);
    }

    @AfterAll
    static void close() {
        analysis.close();
    }

    private static ScorecardParameters segment(String segment) {
        return new ScorecardParameters(null, segment, null, null, null);
    }

    @Test
    void readsTwoSegmentDimensionsInTheOrderGiven() {
        assertThat(api.request("exp_autoplay", segment(" device , country")).segmentBy()).isEqualTo("device,country");
        assertThat(api.request("exp_autoplay", segment("country")).segmentDimensions()).containsExactly("country");
        assertThat(api.request("exp_autoplay", segment(" ")).segmentBy()).isNull();
    }

    @Test
    void refusesAThirdOrAnUnknownDimensionWithOneLine() {
        assertThatThrownBy(() -> api.request("exp_autoplay", segment("country,device,plan")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessage("segment 'country,device,plan' names 3 dimensions: at most 2 at once");
        assertThatThrownBy(() -> api.request("exp_autoplay", segment("country,planet")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessage("unknown segment dimension 'planet' (known: country, device, plan)");
    }

    @Test
    void readsTheLastDayWithinThePeriodAndRefusesOthersWithOneLine() {
        ScorecardParameters untilMarch14 = new ScorecardParameters(null, null, null, null, "2026-03-14");
        assertThat(api.request("exp_autoplay", untilMarch14).until()).isEqualTo(java.time.LocalDate.of(2026, 3, 14));
        assertThatThrownBy(() -> api.request("exp_autoplay", new ScorecardParameters(null, null, null, null, "2026-04-15")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessage("until 2026-04-15 is outside experiment 'exp_autoplay': pick a day from 2026-03-01 to 2026-04-14");
        assertThatThrownBy(() -> api.request("exp_autoplay", new ScorecardParameters(null, null, null, null, "14/03/2026")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessage("parameter until needs a day like 2026-04-01, not '14/03/2026'");
    }
}
