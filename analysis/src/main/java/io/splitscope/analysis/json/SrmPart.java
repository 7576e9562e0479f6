package io.splitscope.analysis.json;

import io.splitscope.stats.health.SrmResult;
import java.util.Map;

/**
 * The {@code srm} of a scorecard document: the sample-ratio check.
 *
 * @param chiSquare     Pearson's χ², which may be NaN or +∞ (see {@link SrmResult})
 * @param pValue        its p-value, NaN when there are no units
 * @param mismatch      whether the p-value is below the threshold
 * @param expectedShare the planned share of every variant, in variant order
 */
public record SrmPart(double chiSquare, double pValue, boolean mismatch, Map<String, Double> expectedShare) {

    public static SrmPart of(SrmResult srm) {
        return new SrmPart(srm.chiSquare(), srm.pValue(), srm.mismatch(), srm.expectedShare());
    }

    public SrmResult toSrm() {
        return new SrmResult(chiSquare, pValue, mismatch, expectedShare);
    }
}
