/**
 * The scorecard of one experiment: the view with its health banners, grouped results table and
 * plots ({@link io.splitscope.app.web.scorecard.ScorecardView}), the explain dialog, the background
 * caches of scorecards and series, the metric groups (primary, guardrail, secondary) and the
 * formatting of result rows for reading.
 */
package io.splitscope.app.web.scorecard;
