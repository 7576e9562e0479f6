/**
 * Trino as a warehouse, for data that outgrows one machine:
 * {@link io.splitscope.sql.trino.TrinoWarehouse} answers queries over the contract tables of a
 * Trino catalog and schema through Trino's JDBC driver, converted to Arrow;
 * {@link io.splitscope.sql.trino.TrinoLoader} copies a warehouse folder into such tables (for tests
 * and demonstrations).
 */
package io.splitscope.sql.trino;
