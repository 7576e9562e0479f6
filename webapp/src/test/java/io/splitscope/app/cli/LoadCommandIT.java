package io.splitscope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.sql.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code load} puts the golden warehouse into a real PostgreSQL, which {@code analyze} then reads. */
class LoadCommandIT {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Test
    void loadsAWarehouseThatAnalyzeReadsBackWithoutShowingThePassword() {
        String url = POSTGRES.createDatabase("loaded") + "&password=secret-word";

        CommandLineRun load = CommandLineRun.of("load", "--warehouse", GoldenWarehouse.folder().toString(), "--into", url);
        CommandLineRun analyze = CommandLineRun.of("analyze", "--warehouse", url, "--experiment", "exp_autoplay",
                "--metrics", "streaming_hours");

        assertThat(load.status()).as(load.stderr()).isZero();
        // golden/streaming-small/playback.csv holds 95,541 sessions.
        assertThat(load.stderr()).contains("playback: 95,541 rows").doesNotContain("secret-word");
        assertThat(analyze.status()).as(analyze.stderr()).isZero();
        // golden exp_autoplay.json, streaming_hours / previews: 863 / 897 units, 3.199 vs 3.548 hours.
        assertThat(analyze.stdout()).containsPattern("streaming_hours +previews +863/897 +3\\.199 h +3\\.548 h");
        assertThat(analyze.stderr()).doesNotContain("secret-word");
    }

    @Test
    void refusesToLoadIntoAnythingButPostgres() {
        CommandLineRun run = CommandLineRun.of("load", "--warehouse", GoldenWarehouse.folder().toString(),
                "--into", "jdbc:mysql://db/x?password=p");

        assertThat(run.status()).isEqualTo(CommandLine.USAGE);
        assertThat(run.stderr()).startsWith("splitscope: option --into needs a PostgreSQL JDBC URL (jdbc:postgresql://…), "
                + "not 'jdbc:mysql://db/x'");
    }

    @Test
    void leavesExistingTablesAloneWithoutReplace() {
        String url = POSTGRES.createDatabase("twice");
        assertThat(CommandLineRun.of("load", "--warehouse", GoldenWarehouse.folder().toString(), "--into", url).status()).isZero();

        CommandLineRun again = CommandLineRun.of("load", "--warehouse", GoldenWarehouse.folder().toString(), "--into", url);

        assertThat(again.status()).isEqualTo(CommandLine.FAILED);
        assertThat(again.lastErrorLine()).startsWith("splitscope: error: table ").contains("already exists", "replace");
    }
}
