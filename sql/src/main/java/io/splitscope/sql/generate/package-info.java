/**
 * The synthetic warehouse generators: seeded, deterministic simulations with experiment effects
 * planted after each unit's first exposure and exposure logs as dirty as real ones, written as
 * CSV or Parquet files for the demo, tests and benchmarks.
 *
 * <ul>
 *   <li>{@link io.splitscope.sql.generate.WarehouseGenerator} with
 *       {@link io.splitscope.sql.generate.GeneratorSettings}: a streaming service (members,
 *       playback sessions, payments, cancellations), the tables of the warehouse contract
 *       ({@code spec/warehouse.md}).
 *   <li>{@link io.splitscope.sql.generate.ShopGenerator} with
 *       {@link io.splitscope.sql.generate.ShopSettings}: an e-commerce shop with its own table
 *       and column names and string user ids (users, one assignment log of three experiments,
 *       orders, page views) and the project file that describes it ({@code spec/project.md}).
 * </ul>
 *
 * <p>Both build their SQL from the same parts: the DuckDB session and random numbers
 * ({@code GeneratorSql}), the history ({@code Timeline}), how units reach an experiment and its
 * dirty log ({@code Rollout}), and a run that writes the tables ({@code GeneratorRun}).
 */
package io.splitscope.sql.generate;
