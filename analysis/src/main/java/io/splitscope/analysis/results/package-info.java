/**
 * Computed scorecards kept for later: the {@link io.splitscope.analysis.results.ResultsStore} (an
 * embedded DuckDB file next to the warehouse, see {@link io.splitscope.analysis.results.ResultsLocation}),
 * which keeps each scorecard with when, from what and by whom it was computed; a stored scorecard
 * whose warehouse has changed since (see {@link io.splitscope.analysis.results.WarehouseFingerprint})
 * is marked stale.
 */
package io.splitscope.analysis.results;
