/**
 * The scorecard of one experiment: the view, the per-experiment cache of computed scorecards and
 * the formatting of result rows for reading.
 */
package io.splitscope.app.web.scorecard;
