package io.splitscope.analysis;

import io.splitscope.stats.r.ParityReport;

/**
 * One metric's numbers recomputed in GNU R by the R twin of its Java method.
 *
 * @param segment the segment, or null when the analysis is not sliced
 * @param report  how closely Java and R agree, or why R could not run
 */
public record RVerification(String metricId, String segment, ParityReport report) {
}
