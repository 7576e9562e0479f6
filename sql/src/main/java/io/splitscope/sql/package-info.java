/**
 * The warehouse layer: the {@link io.splitscope.sql.Warehouse} abstraction that runs a jOOQ query
 * and hands back Arrow, the engines behind it ({@link io.splitscope.sql.WarehouseEngine}, found by
 * {@link io.splitscope.sql.Warehouses} through {@link java.util.ServiceLoader}: DuckDB, PostgreSQL
 * and Trino in their own packages), and the streaming preset's contract as jOOQ names
 * ({@link io.splitscope.sql.WarehouseSchema}). Knows nothing of statistics.
 */
package io.splitscope.sql;
