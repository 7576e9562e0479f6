/**
 * Computed scorecards kept for later: the {@link io.splitscope.analysis.results.ResultsStore} (an
 * embedded DuckDB file next to the warehouse, see {@link io.splitscope.analysis.results.ResultsLocation}),
 * which keeps the last runs of each request with when, from what and by whom they were computed,
 * and the failed runs beside them ({@link io.splitscope.analysis.results.FailedRun}); a stored
 * scorecard whose warehouse has changed since (see {@link io.splitscope.analysis.results.WarehouseFingerprint})
 * is marked stale. Each write is checkpointed and the file copied; a store damaged by a crash is
 * recovered on opening ({@code StoreFiles}). Beside the scorecards, what analysts write: their edits
 * of decision plans ({@link io.splitscope.analysis.results.PlanEdit}) and the team's record of each
 * experiment ({@link io.splitscope.analysis.results.ExperimentRecord}: status, conclusion, tags, notes).
 */
package io.splitscope.analysis.results;
