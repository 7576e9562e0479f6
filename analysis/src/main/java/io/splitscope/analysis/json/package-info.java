/**
 * The JSON shapes of {@code spec/scorecard.md}, shared by the command line, the REST API and the
 * results store: the {@link io.splitscope.analysis.json.ScorecardDocument} and its parts, written
 * by Jackson data binding in the public form or the store's ({@link io.splitscope.analysis.json.ScorecardJson}),
 * and the input and output of {@code splitscope compare}
 * ({@link io.splitscope.analysis.json.SufficientStatisticsComparison}), whose rows are the
 * document's {@link io.splitscope.analysis.json.ResultPart}s.
 */
package io.splitscope.analysis.json;
