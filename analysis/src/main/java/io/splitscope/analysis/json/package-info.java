/** The JSON shapes of {@code spec/scorecard.md}, shared by the command line and the REST API. */
package io.splitscope.analysis.json;
