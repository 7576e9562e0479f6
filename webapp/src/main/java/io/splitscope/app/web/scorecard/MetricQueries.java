package io.splitscope.app.web.scorecard;

import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.sql.log.QueryLog;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds, in a scorecard's query log, the query that computed a metric: the fused scan of its
 * source, which names the metric's per-unit column after its id ({@code "streaming_hours"}), or
 * for a quantile metric the query that brought its events: the fused scan that lists its value
 * column ({@code array_agg(cast("e"."startup_ms" …}, on DuckDB) or the event-level query that
 * reads it as {@code "value"} (PostgreSQL, Trino). Quantiles over the same events share that query.
 */
public final class MetricQueries {

    private MetricQueries() {
    }

    /** The statement of the log that staged the experiment's units for the other queries, on an engine that stages them. */
    public static Optional<QueryLog.Entry> stagedUnits(List<QueryLog.Entry> queries) {
        return queries.stream().filter(q -> q.sql().startsWith("create table")).findFirst();
    }

    /** The query of the log that computed {@code metric}, if one can be told. */
    public static Optional<QueryLog.Entry> find(List<QueryLog.Entry> queries, Metric metric) {
        if (metric.measure() instanceof Measure.Quantile quantile) {
            String column = quantile.eventValue().getName();
            Pattern value = Pattern.compile("\"?" + Pattern.quote(column) + "\"?\\s+(as\\s+)?\"?value\"?",
                    Pattern.CASE_INSENSITIVE);
            Pattern listed = Pattern.compile("array_agg\\(cast\\((\"?\\w+\"?\\.)?\"?" + Pattern.quote(column) + "\"?",
                    Pattern.CASE_INSENSITIVE);
            return queries.stream().filter(q -> value.matcher(q.sql()).find() || listed.matcher(q.sql()).find())
                    .findFirst();
        }
        Pattern alias = Pattern.compile("(?<![A-Za-z0-9_])\"?" + Pattern.quote(metric.id()) + "\"?(?![A-Za-z0-9_])");
        return queries.stream().filter(q -> alias.matcher(q.sql()).find()).findFirst();
    }

    /**
     * The SQL laid out for reading: a new line before each clause ({@code with}, {@code select},
     * {@code from}, joins, {@code where}, {@code group by} …) outside string literals.
     */
    public static String layOut(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        String[] clauses = {"with ", "select ", "from ", "left outer join ", "join ", "where ", "group by ",
                "having ", "order by ", "union all ", "qualify ", "window "};
        boolean inString = false;
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inString = !inString;
            }
            if (!inString) {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth = Math.max(0, depth - 1);
                }
                if (i > 0 && lower.charAt(i - 1) == ' ' || i > 0 && lower.charAt(i - 1) == '(') {
                    for (String clause : clauses) {
                        if (lower.startsWith(clause, i) && !(clause.equals("join ") && lower.startsWith("outer join ", i - 6))) {
                            trimTrailingSpace(out);
                            out.append('\n').append("  ".repeat(Math.min(depth, 6)));
                            break;
                        }
                    }
                }
            }
            out.append(c);
        }
        return out.toString().strip();
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }
}
