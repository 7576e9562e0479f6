/**
 * The synthetic warehouse generator: a seeded, deterministic simulation of a streaming service
 * (members, playback sessions, payments, cancellations) with two experiments whose effects are
 * planted after each unit's first exposure, and exposure logs as dirty as real ones. It writes
 * the tables of the warehouse contract ({@code spec/warehouse.md}) as CSV or Parquet files, for
 * the demo, tests and benchmarks.
 *
 * <p>Entry point: {@link io.splitscope.sql.generate.WarehouseGenerator#generate} with
 * {@link io.splitscope.sql.generate.GeneratorSettings}.
 */
package io.splitscope.sql.generate;
