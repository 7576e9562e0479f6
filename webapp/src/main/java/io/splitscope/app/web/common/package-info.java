/**
 * What every view shares: number and date formatting, a metric's definition texts, the health
 * checks and their thresholds, the background cache of values derived from the warehouse (kept
 * until an experiment is analysed again), applying background results to a page, the warning
 * banners (among them the notice that results are not being stored), the not-found and error pages.
 */
package io.splitscope.app.web.common;
