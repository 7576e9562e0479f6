/**
 * The analyses the web app and the REST API run in the background: {@link
 * io.splitscope.app.results.AnalysisJobs} runs them, reports their progress to listeners and keeps
 * their results in the {@link io.splitscope.analysis.results.ResultsStore} with who asked for them
 * (a failed run beside the stored result, never over it); a viewer may compute the default
 * scorecard only. {@link io.splitscope.app.results.ResultsConfiguration} opens the store where the
 * server's settings say (and the audit log beside it), and {@link io.splitscope.app.results.ResultsStoreStatus} says when it could
 * not; {@link io.splitscope.app.results.AnalysisAudit} writes who started which analysis to the
 * audit log. The experiments are read once and kept while the warehouse's fingerprint stays the
 * same ({@link io.splitscope.app.results.WarehouseExperiments}); each stored scorecard, decoded, and
 * its last failed run are read once and kept until this process stores another
 * ({@code BoundedCache}). Analysts' writes live here too: decision plans
 * ({@link io.splitscope.app.results.PlanEditing}) and the team's record of each experiment
 * ({@link io.splitscope.app.results.ExperimentRecords}), on the day {@link io.splitscope.app.results.Today}
 * judges statuses by.
 * Nothing here depends on Vaadin.
 */
package io.splitscope.app.results;
