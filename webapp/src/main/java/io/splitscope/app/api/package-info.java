/**
 * The REST API under {@code /api} ({@link io.splitscope.app.api.ExperimentsApi}): experiments, their
 * scorecards as the JSON of {@code spec/scorecard.md} and as CSV ({@link io.splitscope.app.api.ScorecardCsv}),
 * and background analyses; the metric catalog ({@link io.splitscope.app.api.MetricsApi}); and the
 * API's OpenAPI description ({@link io.splitscope.app.api.OpenApiDescription}). Authentication and
 * roles are set in {@code io.splitscope.app.security}; every error is a JSON
 * {@link io.splitscope.app.api.ApiError}; while results cannot be stored, every answer says so in a
 * header ({@code ResultsStoreHeaders}).
 */
package io.splitscope.app.api;
