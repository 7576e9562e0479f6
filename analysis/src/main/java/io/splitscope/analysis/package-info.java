/**
 * The analysis service that wires metrics-repo, the warehouse and stats into a
 * {@link io.splitscope.analysis.Scorecard}; shared by the command line, the web app and the API.
 */
package io.splitscope.analysis;
