/**
 * The list of experiments, the web app's start page: search and filters, status, and health badges
 * computed in the background ({@link io.splitscope.app.web.experiments.HealthService}).
 */
package io.splitscope.app.web.experiments;
