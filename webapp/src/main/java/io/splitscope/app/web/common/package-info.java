/**
 * What every view shares: number and date formatting, the health checks and their thresholds,
 * applying background results to a page, the not-found and error pages.
 */
package io.splitscope.app.web.common;
