package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code metrics} lists the catalog, {@code metrics show ID} prints one metric and its SQL. */
class MetricsCommandTest {

    @Test
    void listsTheStreamingPresetsCatalog() {
        CommandLineRun run = CommandLineRun.of("metrics");

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .matches("id +type +source +window +direction +title"));
        assertThat(run.stdout()).containsPattern("streaming_hours +mean +playback +.*higher is better")
                .containsPattern("retention_d7 +retention +playback +1 d after 7 d +higher is better +Day-7 retention");
    }

    @Test
    void showsOneMetricInTheDialectAskedFor() {
        CommandLineRun run = CommandLineRun.of("metrics", "show", "streaming_hours", "--dialect", "postgres", "--cuped");

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("Streaming hours (streaming_hours)")
                .contains("-- postgres SQL for the example experiment");
    }

    @Test
    void refusesCupedForARatioMetric() {
        CommandLineRun run = CommandLineRun.of("metrics", "show", "rebuffer_rate", "--cuped");

        assertThat(run.status()).isEqualTo(CommandLine.FAILED);
        assertThat(run.stderr().strip()).isEqualTo("splitscope: error: metric rebuffer_rate is a ratio metric: "
                + "CUPED applies to mean and proportion metrics only");
    }
}
