package io.splitscope.app.cli;

import io.splitscope.sql.JdbcUrls;
import io.splitscope.sql.postgres.PostgresLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code load --warehouse DIR --into JDBC_URL [--replace]}: copies a warehouse folder (or DuckDB
 * file) into PostgreSQL, so that the same data can be analysed there.
 */
@Command(name = "load", sortOptions = false, sortSynopsis = false, description = {"Copy a warehouse into PostgreSQL.",
        "The tables of a folder or DuckDB file, to analyse the same data there."})
final class LoadCommand extends BaseCommand {

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The folder (or DuckDB file) to copy.")
    private Path source;

    @Option(names = "--into", required = true, paramLabel = "URL",
            description = "The PostgreSQL database to copy it into: jdbc:postgresql://HOST/DB?user=…&password=…")
    private String target;

    @Option(names = "--replace", description = "Replace tables that exist already (else the load fails on them).")
    private boolean replace;

    @Override
    public void run() {
        if (!target.startsWith("jdbc:postgresql:")) {
            throw usageError("option --into needs a PostgreSQL JDBC URL (jdbc:postgresql://…), not '"
                    + JdbcUrls.redact(target) + "'");
        }
        PrintWriter stderr = stderr();
        stderr.println("splitscope: loading " + source + " into " + JdbcUrls.redact(target));
        Map<String, Long> rows = PostgresLoader.load(source, target, replace);
        rows.forEach((table, count) -> stderr.printf(Locale.ROOT, "splitscope:   %s: %,d rows%n", table, count));
    }
}
