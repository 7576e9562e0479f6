package io.splitscope.stats.r;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonMethods;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing the Rserve process in the middle of an analysis: the R result being computed fails with a
 * clear reason, the Java results are intact, and the next analysis succeeds with a restarted Rserve.
 */
class RserveKilledMidAnalysisTest {

    /**
     * An R method that, the first time, marks that it runs (creates {@code marker}) and then takes
     * its time, so that Rserve can be killed while it runs; later calls return at once.
     */
    private static RMethodSource slow(Path marker) {
        return RMethodSource.parse("test:r_slow_welch_t", """
                #' @id r_slow_welch_t
                #' @title A slow r_welch_t (test only)
                #' @input Moments
                r_slow_welch_t <- function(control, treatment, variants) {
                  if (!file.exists("MARKER")) {
                    file.create("MARKER")
                    Sys.sleep(10)
                  }
                  list(control_value = control[["sum"]] / control[["n"]])
                }
                """.replace("MARKER", marker.toString()));
    }

    /**
     * One "analysis" of a golden metric with three variants: per treatment, the Java and the R
     * methods in turn — welch_t, the slow R method, r_welch_t, cuped, r_cuped — as a scorecard does.
     */
    private static Map<String, ComparisonResult> analyse(RRuntime runtime, RMethodSource slow) {
        RGolden.Means golden = RGolden.MEANS.get(6); // exp_price streaming_hours: control + 2 treatments
        List<CovariateMoments> covariate = golden.inputs();
        List<Moments> moments = golden.moments();
        Map<String, ComparisonResult> results = new LinkedHashMap<>();
        for (int t = 1; t < moments.size(); t++) {
            results.put("welch_t/" + t, run(ComparisonMethods.byId("welch_t", Moments.class), moments, t));
            results.put("r_slow_welch_t/" + t, run(bound(RMethod.of(slow, () -> runtime), Moments.class), moments, t));
            results.put("r_welch_t/" + t, run(bound(registered("r_welch_t", runtime), Moments.class), moments, t));
            results.put("cuped/" + t, run(ComparisonMethods.byId("cuped", CovariateMoments.class), covariate, t));
            results.put("r_cuped/" + t, run(bound(registered("r_cuped", runtime), CovariateMoments.class), covariate, t));
        }
        return results;
    }

    @Test
    void killingRserveFailsTheRResultInFlightKeepsJavaAndTheNextAnalysisRestartsR(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("slow-method-runs");
        RMethodSource slow = slow(marker);
        try (RRuntime runtime = new RRuntime(RRuntime.Options.defaults().withRExecutable(null).withPoolSize(2))) {
            runtime.availability();
            ProcessHandle first = runtime.serverProcess().orElseThrow();

            ExecutorService executor = Executors.newSingleThreadExecutor();
            Future<Map<String, ComparisonResult>> analysis = executor.submit(() -> analyse(runtime, slow));
            executor.shutdown();
            // Kill Rserve (the server process only) while the slow R method runs.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(marker) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(marker).exists();
            Thread.sleep(100);
            first.destroyForcibly();
            Map<String, ComparisonResult> killed = analysis.get(30, TimeUnit.SECONDS);

            ComparisonResult failed = killed.get("r_slow_welch_t/1");
            assertThat(failed.status()).isEqualTo(ResultStatus.METHOD_FAILED);
            assertThat(failed.reason()).isEqualTo("R stopped during the computation: its Rserve process (pid "
                    + first.pid() + ") exited; it is restarted for the next analysis.");
            assertThat(failed.controlValue()).isNull();
            // Java results intact: the same as in an analysis without R
            Map<String, ComparisonResult> withoutR;
            try (RRuntime noR = new RRuntime(runtime.options().withRExecutable(Path.of("/nonexistent/R")))) {
                withoutR = analyse(noR, slow);
            }
            for (String key : List.of("welch_t/1", "welch_t/2", "cuped/1", "cuped/2")) {
                assertThat(killed.get(key)).isEqualTo(withoutR.get(key));
                assertThat(killed.get(key).isOk()).isTrue();
            }
            assertThat(withoutR.get("r_welch_t/1").reason()).isEqualTo(RRuntime.R_NOT_INSTALLED);

            // The next analysis: Rserve restarted, every R result computed, the twins equal to Java.
            Map<String, ComparisonResult> next = analyse(runtime, slow);
            assertThat(runtime.starts()).isGreaterThanOrEqualTo(2);
            assertThat(runtime.serverProcess().orElseThrow().pid()).isNotEqualTo(first.pid());
            assertThat(next.get("r_slow_welch_t/1").isOk()).isTrue();
            for (int t = 1; t <= 2; t++) {
                assertThat(next.get("welch_t/" + t)).isEqualTo(killed.get("welch_t/" + t));
                assertThat(RParity.compare(t, next.get("welch_t/" + t), next.get("r_welch_t/" + t))
                        .maxRelativeDifference()).isLessThanOrEqualTo(ParityReport.TOLERANCE);
                assertThat(RParity.compare(t, next.get("cuped/" + t), next.get("r_cuped/" + t))
                        .maxRelativeDifference()).isLessThanOrEqualTo(ParityReport.TOLERANCE);
            }
        }
    }

    private static <I extends io.splitscope.stats.VariantData> ComparisonResult run(ComparisonMethod<I> m,
            List<I> all, int t) {
        return m.compare(all.get(0), all.get(t), all, ConfidenceLevel.DEFAULT);
    }

    private static RMethod<?> registered(String id, RRuntime runtime) {
        return ((RMethod<?>) ComparisonMethods.byId(id)).withRuntime(() -> runtime);
    }

    @SuppressWarnings("unchecked")
    private static <I extends io.splitscope.stats.VariantData> ComparisonMethod<I> bound(RMethod<?> m, Class<I> type) {
        assertThat(m.inputType()).isEqualTo(type);
        return (ComparisonMethod<I>) m;
    }
}
