package io.splitscope.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.app.bench.ScorecardBenchmark.Results;
import io.splitscope.app.bench.ShopBenchmark.ShopResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A smoke test of {@code ./splitscope bench --projects shop} on a tiny shop (2,000 users, generated
 * into the bench's data folder as the benchmark does): the scorecard and the floor are measured
 * over the same units, and reported in the table and in JSON. Nothing is timed here.
 */
class ShopBenchmarkTest {

    @TempDir
    Path data;

    @Test
    void measuresATinyShopThroughItsProjectFileAndReportsItAsATableAndJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        Results all = ScorecardBenchmark.run(ScorecardBenchmark.parse(new String[] {"--projects", "shop", "--shop-users",
                        "2000", "--seed", "7", "--warm", "1", "--data", data.toString()}),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(all.streaming()).isEmpty();
        assertThat(all.shop()).hasSize(1);
        ShopResult result = all.shop().getFirst();
        assertThat(Path.of(result.project())).isEqualTo(data.resolve("shop-users-2000-seed-7").resolve("splitscope.yaml"));
        assertThat(data.resolve("shop-users-2000-seed-7").resolve(".complete")).exists();
        assertThat(result.users()).isEqualTo(2000);
        assertThat(result.units()).isPositive();
        assertThat(result.coldScorecard()).isPositive();
        assertThat(result.warmScorecard()).isPositive();
        assertThat(result.warmFloor()).isPositive();
        assertThat(result.floorRatio()).isPositive();
        // the floor's units are the scorecard's (it warns otherwise)
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("WARNING");
        assertThat(result.queryTimes()).containsOnlyKeys("staged units", "population", "fused orders", "fused page_views");
        assertThat(result.rowsIntoJvm()).isLessThan(20);
        // arms of fewer than 2,000 units: the median order value by the bootstrap
        assertThat(result.quantileMethod()).isEqualTo("bootstrap_quantile");
        assertThat(result.peakHeap()).isPositive();

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("Shop scorecard of new_checkout", "2,000", "fused page_views");

        JsonNode json = JsonMapper.builder().build().readTree(ScorecardBenchmark.json(all, ScorecardBenchmark.environment()));
        assertThat(json.get("sizes")).isEmpty();
        JsonNode shop = json.get("shop").get(0);
        assertThat(shop.get("users").asLong()).isEqualTo(2000);
        assertThat(shop.get("scorecard_to_floor_cpu").isNumber()).isTrue();
        assertThat(shop.get("quantile_method").asString()).isEqualTo("bootstrap_quantile");

        // a second run reuses the cached shop
        long written = Files.getLastModifiedTime(Path.of(result.project())).toMillis();
        ScorecardBenchmark.run(ScorecardBenchmark.parse(new String[] {"--projects", "shop", "--shop-users", "2000",
                        "--seed", "7", "--warm", "1", "--data", data.toString()}),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(Files.getLastModifiedTime(Path.of(result.project())).toMillis()).isEqualTo(written);
    }
}
