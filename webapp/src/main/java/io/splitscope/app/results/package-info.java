/**
 * The analyses the web app and the REST API run in the background: {@link
 * io.splitscope.app.results.AnalysisJobs} runs them, reports their progress to listeners and keeps
 * their results in the {@link io.splitscope.analysis.results.ResultsStore} with who asked for them;
 * {@link io.splitscope.app.results.ResultsConfiguration} opens the store where the server's settings
 * say; {@link io.splitscope.app.results.AnalysisAudit} writes who started which analysis to the audit
 * log. Nothing here depends on Vaadin.
 */
package io.splitscope.app.results;
