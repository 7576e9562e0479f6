/**
 * Helpers for reading Arrow results on the JVM side of the warehouse layer: copying small results
 * into rows ({@link io.splitscope.sql.arrow.ArrowRows}) and, for the engines that read through JDBC
 * (PostgreSQL, Trino), converting result sets to Arrow ({@link io.splitscope.sql.arrow.JdbcArrowReader}),
 * running a query that way ({@link io.splitscope.sql.arrow.JdbcArrowQuery}) and reusing their
 * connections (a HikariCP pool, {@link io.splitscope.sql.arrow.JdbcConnections}), all behind their common base
 * {@link io.splitscope.sql.arrow.JdbcWarehouse}, so that the engines keep only what differs between
 * them: how they connect, list column types, accept types and word failures.
 */
package io.splitscope.sql.arrow;
