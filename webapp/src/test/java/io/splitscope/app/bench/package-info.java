/**
 * Benchmarks of the web app, run as plain {@code main} programs rather than timed tests (the
 * machine they run on decides the numbers); {@link io.splitscope.app.bench.StoredScorecardBench}
 * times reopening a stored scorecard.
 */
package io.splitscope.app.bench;
