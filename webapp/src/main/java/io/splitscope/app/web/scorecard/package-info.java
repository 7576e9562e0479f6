/**
 * The scorecard of one experiment: the view ({@link io.splitscope.app.web.scorecard.ScorecardView}),
 * which composes its header, controls, loading states, health banners and tabs — one panel class
 * per tab (results table, forest plot, over time, quantiles, segments) sharing the scorecard shown
 * as a record — the explain dialog, the background caches of scorecards and series, the metric
 * groups (primary, guardrail, secondary) and the formatting of result rows for reading.
 */
package io.splitscope.app.web.scorecard;
