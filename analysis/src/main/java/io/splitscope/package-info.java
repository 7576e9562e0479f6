/**
 * Splitscope from code: {@link io.splitscope.Splitscope} opens a project or a warehouse, and
 * {@link io.splitscope.ExperimentAnalysis} analyses one of its experiments, as the command line
 * and the web app do.
 */
package io.splitscope;
