package io.splitscope.analysis.json;

import io.splitscope.sql.log.QueryLog;
import java.time.Duration;

/**
 * One query an analysis ran, as the results store keeps it with a scorecard (not part of the public
 * document).
 *
 * @param rows         the rows it brought into the JVM
 * @param bytes        the bytes it brought into the JVM
 * @param elapsedNanos how long it took
 */
public record QueryPart(String sql, long rows, long bytes, long elapsedNanos) {

    public static QueryPart of(QueryLog.Entry entry) {
        return new QueryPart(entry.sql(), entry.rows(), entry.bytes(), entry.elapsed().toNanos());
    }

    public QueryLog.Entry toEntry() {
        return new QueryLog.Entry(sql, rows, bytes, Duration.ofNanos(elapsedNanos));
    }
}
