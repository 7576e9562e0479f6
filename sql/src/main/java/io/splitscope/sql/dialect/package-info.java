/**
 * The SQL dialects Splitscope renders (DuckDB, PostgreSQL, Trino) and every difference between
 * them, in one place: {@link io.splitscope.sql.dialect.Dialects} configures jOOQ for each engine
 * (with {@code /} always a floating-point division) and offers the functions jOOQ renders wrongly
 * for some of them (exact and approximate percentiles, the median, the start of the ISO week, the
 * ISO day of the week).
 */
package io.splitscope.sql.dialect;
