package io.splitscope.app.cli;

import io.splitscope.sql.JdbcUrls;
import io.splitscope.sql.postgres.PostgresLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code load --warehouse DIR --into JDBC_URL [--replace]}: copies a warehouse folder (or DuckDB
 * file) into PostgreSQL, so that the same data can be analysed there.
 */
final class LoadCommand {

    static final String USAGE = "load --warehouse DIR --into jdbc:postgresql://HOST/DB?user=…&password=… [--replace]";

    private LoadCommand() {
    }

    static void run(List<String> arguments, PrintStream stderr) {
        Arguments options = Arguments.parse(arguments, Set.of("warehouse", "into"), Set.of("replace", "debug"));
        String target = options.required("into");
        if (!target.startsWith("jdbc:postgresql:")) {
            throw new UsageException("option --into needs a PostgreSQL JDBC URL (jdbc:postgresql://…), not '"
                    + JdbcUrls.redact(target) + "'");
        }
        Path source = Path.of(options.required("warehouse"));
        stderr.println("splitscope: loading " + source + " into " + JdbcUrls.redact(target));
        Map<String, Long> rows = PostgresLoader.load(source, target, options.flag("replace"));
        rows.forEach((table, count) -> stderr.printf(Locale.ROOT, "splitscope:   %s: %,d rows%n", table, count));
    }
}
