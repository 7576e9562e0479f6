/**
 * Computed scorecards and the analyses that compute them: the {@link io.splitscope.app.results.ResultsStore}
 * (an embedded DuckDB file next to the warehouse, see {@link io.splitscope.app.results.ResultsLocation}),
 * which keeps each scorecard with when, from what and by whom it was computed, and
 * {@link io.splitscope.app.results.AnalysisJobs}, which runs analyses in the background, reports
 * their progress to listeners and stores their results. A stored scorecard whose warehouse has
 * changed since (see {@link io.splitscope.app.results.WarehouseFingerprint}) is marked stale.
 * Nothing here depends on Vaadin.
 */
package io.splitscope.app.results;
