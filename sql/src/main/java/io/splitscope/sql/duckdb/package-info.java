/**
 * The embedded DuckDB warehouse: opens a folder of CSV or Parquet files or a DuckDB database file,
 * checks it against the warehouse contract and answers queries through DuckDB's Arrow export.
 */
package io.splitscope.sql.duckdb;
