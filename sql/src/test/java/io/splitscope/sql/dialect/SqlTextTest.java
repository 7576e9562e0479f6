package io.splitscope.sql.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quoting by jOOQ, as standard SQL (DuckDB, PostgreSQL, Trino) reads it. */
class SqlTextTest {

    @Test
    void quotesIdentifiersAlwaysDoublingQuotes() {
        assertThat(SqlText.identifier("group")).isEqualTo("\"group\"");
        assertThat(SqlText.identifier("Order Lines")).isEqualTo("\"Order Lines\"");
        assertThat(SqlText.identifier("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void quotesLiteralsDoublingSingleQuotesAndLeavingBackslashes() {
        assertThat(SqlText.literal("it's")).isEqualTo("'it''s'");
        assertThat(SqlText.literal("/data/o'brien/x.csv")).isEqualTo("'/data/o''brien/x.csv'");
        assertThat(SqlText.literal("C:\\data")).isEqualTo("'C:\\data'");
    }
}
