package io.splitscope.app.project;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.metrics.project.Project;
import io.splitscope.sql.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unseen project gives the same experiments and scorecards on a real, throwaway PostgreSQL as
 * on the embedded DuckDB ({@link UnseenProjectOnAnEngine}).
 *
 * <p><b>Collation.</b> The throwaway cluster is made with {@code initdb --no-locale}: its databases
 * compare text in the {@code C} collation, byte by byte, as DuckDB and Trino compare varchar. A
 * production database usually has a language collation ({@code en_US.UTF-8}, or ICU), and there
 * the event-level query of a quantile metric ({@code UnitEventsQuery}: {@code ... order by
 * "segment", "variant", "unit_id", "value"}) returns string unit ids in another order than DuckDB:
 * under {@code en-US}, {@code U004A-0463 U007F-0525 u00e5-0294 U0118-0221} instead of DuckDB's
 * {@code U004A-0463 U007F-0525 U0118-0221 U019E-0595} (upper case first). The seeded bootstrap
 * resamples units by their position, so the {@code bootstrap_quantile} row gets another interval
 * and p-value (its point values stay) — unless the units are put in one order before: the reader
 * of event-level rows ({@code UnitEventsReader}) orders each variant's units by id, integers by
 * value and strings by their UTF-8 bytes, whatever order the engine sent them in.
 * {@link #givesTheEmbeddedEnginesScorecardUnderAnEnglishCollation} makes some ids upper case (the
 * fixture's own, lower case and of one pattern, sort alike in every collation) and checks it.
 */
class UnseenProjectPostgresIT extends UnseenProjectOnAnEngine {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    UnseenProjectPostgresIT() {
        super("jdbc:postgresql://127.0.0.1:", POSTGRES::createDatabase, CsvFolderLoader::intoPostgres);
    }

    /**
     * The unseen tables with the ids of odd-numbered users in upper case ({@code U7F3A-0013}), in
     * a database whose default collation is ICU's {@code en-US}: checkout_v2's bootstrap row
     * differs from DuckDB's on the same tables ({@code order_value_p90}, first treatment: the absolute
     * interval [-137.33, 258.92] and p-value 0.904 instead of [-114.05, 245.77] and 0.888; the second
     * treatment's too, and so its adjusted p-value), and nowhere else; in a {@code C} database the
     * same tables give DuckDB's scorecard.
     */
    @Test
    void givesTheEmbeddedEnginesScorecardUnderAnEnglishCollation(@TempDir Path folder) throws SQLException {
        Project project = UnseenProject.project();
        Path data = withMixedCaseUnitIds(Path.of(project.warehouse()), folder);
        try (Connection connection = DriverManager.getConnection(POSTGRES.jdbcUrl("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE unseen_en TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'");
        }
        String url = POSTGRES.jdbcUrl("unseen_en");
        CsvFolderLoader.intoPostgres(data, url);
        try (AnalysisService duckdb = AnalysisService.open(project.withWarehouse(data.toString()));
             AnalysisService postgres = AnalysisService.open(project.withWarehouse(url))) {
            assertSameScorecard(postgres, duckdb, "checkout_v2");
        }
    }

    /** A copy of the CSV files of {@code data} in {@code target}, the unit ids of odd-numbered users in upper case. */
    private static Path withMixedCaseUnitIds(Path data, Path target) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            for (CsvFolderLoader.Table table : CsvFolderLoader.read(data)) {
                String select = table.columns().stream().map(CsvFolderLoader.Column::name)
                        .map(c -> c.equals("user_id") || c.equals("id")
                                ? "case when cast(right(\"" + c + "\", 4) as integer) % 2 = 1 then upper(\"" + c
                                + "\") else \"" + c + "\" end as \"" + c + "\""
                                : "\"" + c + "\"")
                        .collect(Collectors.joining(", "));
                statement.execute("COPY (SELECT " + select + " FROM read_csv('" + data.resolve(table.name() + ".csv")
                        + "', header = true)) TO '" + target.resolve(table.name() + ".csv") + "' (HEADER)");
            }
        }
        return target;
    }
}
