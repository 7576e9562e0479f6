/**
 * The REST API under {@code /api} ({@link io.splitscope.app.api.ExperimentsApi}): experiments, their
 * scorecards as the JSON of {@code spec/scorecard.md} and as CSV ({@link io.splitscope.app.api.ScorecardCsv}),
 * and background analyses. Authentication and roles are set in {@code io.splitscope.app.security};
 * every error is a JSON {@link io.splitscope.app.api.ApiError}; while results cannot be stored,
 * every answer says so in a header ({@code ResultsStoreHeaders}).
 */
package io.splitscope.app.api;
