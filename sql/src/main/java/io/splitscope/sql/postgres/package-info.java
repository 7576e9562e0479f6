/**
 * PostgreSQL as a warehouse: {@link io.splitscope.sql.postgres.PostgresWarehouse} answers queries
 * over the contract tables of a PostgreSQL schema through JDBC, converted to Arrow;
 * {@link io.splitscope.sql.postgres.PostgresLoader} copies a warehouse folder into such tables.
 */
package io.splitscope.sql.postgres;
