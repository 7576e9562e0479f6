/**
 * Benchmarks of the web app, run as plain {@code main} programs rather than timed tests (the
 * machine they run on decides the numbers); {@link io.splitscope.app.bench.StoredScorecardBench}
 * times reopening a stored scorecard; {@link io.splitscope.app.bench.ScorecardBenchmark}
 * ({@code ./splitscope bench}) times the full scorecard against DuckDB's own aggregate pass at
 * 100,000, 1,000,000 and 10,000,000 members, and with {@link io.splitscope.app.bench.LoadBenchmark}
 * the REST API under load at 1, 20 and 50 connections, the app's caches off and on.
 */
package io.splitscope.app.bench;
