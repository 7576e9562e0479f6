/**
 * Opening a warehouse from what users type ({@link io.splitscope.sql.engine.Warehouses}): a folder
 * or DuckDB file, or a PostgreSQL or Trino JDBC URL. It stands above the engines, which depend on
 * the {@code io.splitscope.sql} abstractions only, so that the packages form no cycle.
 */
package io.splitscope.sql.engine;
