package io.splitscope.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.app.bench.ScorecardBenchmark.Results;
import io.splitscope.app.bench.ScorecardBenchmark.SizeResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A smoke test of {@code ./splitscope bench} on the golden warehouse (about 1,800 units): every
 * measurement is made and reported, in the table and in JSON. Nothing is timed here.
 */
class ScorecardBenchmarkTest {

    @Test
    void measuresEverythingOnATinyWarehouseAndReportsItAsATableAndJson() throws Exception {
        Path golden = GoldenWarehouse.folder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        Results all = ScorecardBenchmark.run(
                ScorecardBenchmark.parse(new String[] {"--warehouse", golden.toString(), "--warm", "1"}),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(log, true, StandardCharsets.UTF_8));
        List<SizeResult> results = all.streaming();
        assertThat(all.shop()).isEmpty();

        assertThat(results).hasSize(1);
        SizeResult result = results.getFirst();
        assertThat(result.members()).isEqualTo(2940);
        assertThat(result.units()).isEqualTo(863 + 897);
        assertThat(result.coldScorecard()).isPositive();
        assertThat(result.warmScorecard()).isPositive();
        assertThat(result.warmFloor()).isPositive();
        // sums per variant, and the quantile metrics' events as lists of doubles in the fused playback row
        assertThat(result.rowsIntoJvm()).isLessThan(20);
        assertThat(result.bytesIntoJvm()).isGreaterThan(result.events() * Double.BYTES);
        assertThat(result.queryTimes()).containsOnlyKeys("staged units", "population", "fused playback", "fused payments",
                "fused cancellations");
        assertThat(result.peakHeap()).isPositive();
        assertThat(result.fusedQueries()).isEqualTo(3);
        assertThat(result.perMetricQueries()).isEqualTo(10);
        assertThat(result.quantiles()).extracting(q -> q.metric() + " " + q.method()).containsExactly(
                "startup_ms_p50 bootstrap_quantile", "startup_ms_p50 quantile_asymptotic",
                "startup_ms_p90 bootstrap_quantile", "startup_ms_p90 quantile_asymptotic");
        // both methods estimate the same percentiles; only their intervals differ
        assertThat(result.quantiles().get(0).result().absoluteEffect())
                .isEqualTo(result.quantiles().get(1).result().absoluteEffect());

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("Scorecard of exp_autoplay", "2,940", "quantile_asymptotic", "fused playback");

        JsonNode json = JsonMapper.builder().build().readTree(ScorecardBenchmark.json(all, ScorecardBenchmark.environment()));
        JsonNode size = json.get("sizes").get(0);
        assertThat(size.get("members").asLong()).isEqualTo(2940);
        assertThat(size.get("scorecard_to_floor").asDouble()).isPositive();
        assertThat(size.get("quantiles")).hasSize(4);
        assertThat(size.get("load_average").isNumber()).isTrue();
        assertThat(json.get("shop")).isEmpty();
        assertThat(json.get("load")).isEmpty();
        assertThat(json.get("environment").get("cores").asInt()).isPositive();
    }

    @Test
    void readsTheSizesToMeasure() {
        assertThat(ScorecardBenchmark.parse(new String[0]).sizes()).containsExactly(100_000L, 1_000_000L, 10_000_000L);
        assertThat(ScorecardBenchmark.parse(new String[0]).projects()).containsExactly("streaming", "shop", "load");
        assertThat(ScorecardBenchmark.parse(new String[0]).loadSeconds()).isEqualTo(10);
        assertThat(ScorecardBenchmark.parse(new String[] {"--projects", "load", "--load-seconds", "2.5"}))
                .satisfies(options -> {
                    assertThat(options.load()).isTrue();
                    assertThat(options.streaming()).isFalse();
                    assertThat(options.loadSeconds()).isEqualTo(2.5);
                });
        assertThat(ScorecardBenchmark.parse(new String[0]).generated()).as("the default run generates its data and measures the load")
                .isTrue();
        assertThat(ScorecardBenchmark.parse(new String[] {"--warehouse", "w"}).generated()).isFalse();
        assertThatThrownBy(() -> ScorecardBenchmark.parse(new String[] {"--load-seconds", "0.5"}))
                .hasMessage("--load-seconds must be at least 1");
        assertThat(ScorecardBenchmark.parse(new String[0]).shopUsers()).containsExactly(1_000_000L);
        assertThat(ScorecardBenchmark.parse(new String[] {"--projects", "shop", "--shop-users", "200000"}))
                .satisfies(options -> {
                    assertThat(options.streaming()).isFalse();
                    assertThat(options.shop()).isTrue();
                    assertThat(options.shopUsers()).containsExactly(200_000L);
                });
        assertThatThrownBy(() -> ScorecardBenchmark.parse(new String[] {"--projects", "streaming,shops"}))
                .hasMessage("unknown project shops (streaming, shop, load)");
        assertThat(ScorecardBenchmark.parse(new String[] {"--sizes", "100000,1_000_000"}).sizes())
                .containsExactly(100_000L, 1_000_000L);
        assertThat(ScorecardBenchmark.parse(new String[] {"--json", "out.json"}).json()).isEqualTo(Path.of("out.json"));
        assertThatThrownBy(() -> ScorecardBenchmark.parse(new String[] {"--sizes"})).hasMessage("--sizes needs a value");
        assertThatThrownBy(() -> ScorecardBenchmark.parse(new String[] {"--fast"})).hasMessage("unknown option --fast");
    }
}
