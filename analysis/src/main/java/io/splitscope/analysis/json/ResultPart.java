package io.splitscope.analysis.json;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;
import io.splitscope.analysis.PlanVerdicts;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.analysis.Verdict;
import io.splitscope.metrics.Direction;
import io.splitscope.metrics.Eligibility;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import io.splitscope.stats.ResultStatus;
import java.util.Locale;
import java.util.Map;

/**
 * One element of a document's {@code results}: a metric compared between a treatment variant and
 * the control, in the field order of {@code spec/scorecard.md}. {@code splitscope compare} writes
 * the same rows without {@code metric}, {@code type} and {@code segment}.
 *
 * <p>The method's {@code extras} are fields of the row in the public document, after
 * {@code p_value_adjusted}; the results store keeps them as one object (see {@link ScorecardJson}).
 * {@code reason} is there only when {@code status} is not {@code ok}.
 *
 * @param metric      the metric id; null (left out) in a row of {@code splitscope compare}
 * @param type        the metric type's {@link MetricType#jsonName()}; null (left out) there too
 * @param kind        how the metric was defined, {@link MetricKind#jsonName()} ({@code retention},
 *                    {@code funnel_step}, ...); null (left out) there too, and in rows stored before
 *                    kinds were kept (read as the kind of their type)
 * @param eligibility {@code elapsed} or {@code all} for a windowed metric ({@link Eligibility#jsonName()});
 *                    null (left out) for a metric without a window
 * @param descriptive whether the row describes rather than tests (no adjusted p-value, no verdict);
 *                    null (left out) in a row of {@code splitscope compare}
 * @param direction   which way the metric should move, {@link Direction#jsonName()}; null (left out) in
 *                    a row of {@code splitscope compare} and in rows stored before directions were kept
 * @param segment     the segment, null (left out) when the scorecard is not sliced
 * @param status      the result status in lower case ({@code ok}, {@code zero_baseline}, ...)
 * @param verdict     what the row means in its metric's direction, {@link Verdict#jsonName()}: by the
 *                    decision plan's tests when the plan decides the row, else at the scorecard's α
 *                    ({@link PlanVerdicts}); null (left out) where neither is known (a row of
 *                    {@code splitscope compare}, or one stored before directions were kept). Derived
 *                    from the scorecard, so not read back
 * @param reason      why the status is not OK; null (left out) when it is
 * @param metricTitle the metric's title (stored only)
 * @param inputs      the statistics the comparison read (stored only)
 * @param cap         the cap the metric's values went through; null (left out) when uncapped
 */
public record ResultPart(
        @JsonInclude(JsonInclude.Include.NON_NULL) String metric,
        @JsonInclude(JsonInclude.Include.NON_NULL) String type,
        @JsonInclude(JsonInclude.Include.NON_NULL) String kind,
        @JsonInclude(JsonInclude.Include.NON_NULL) String eligibility,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean descriptive,
        @JsonInclude(JsonInclude.Include.NON_NULL) String direction,
        String method,
        String variant,
        @JsonInclude(JsonInclude.Include.NON_NULL) String segment,
        long nControl,
        long nTreatment,
        long incompleteUnits,
        Double controlValue,
        Double treatmentValue,
        Double absoluteEffect,
        Double absoluteCiLow,
        Double absoluteCiHigh,
        Double relativeEffect,
        Double relativeCiLow,
        Double relativeCiHigh,
        Double pValue,
        Double pValueAdjusted,
        @JsonAnyGetter Map<String, Double> extras,
        @JsonInclude(JsonInclude.Include.NON_NULL) String verdict,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @JsonView(ScorecardDocument.Stored.class) String metricTitle,
        @JsonView(ScorecardDocument.Stored.class) InputsPart inputs,
        @JsonInclude(JsonInclude.Include.NON_NULL) CapPart cap) {

    /** The row of a scorecard, with its verdict (null when not known: see {@link PlanVerdicts#verdict}). */
    public static ResultPart of(ScorecardRow row, Verdict verdict) {
        return of(row.metricId(), row.type().jsonName(), row.kind().jsonName(),
                row.eligibility() == null ? null : row.eligibility().jsonName(), row.descriptive(),
                row.direction() == null ? null : row.direction().jsonName(), row.method(),
                row.variant(), row.segment(), row.nControl(), row.nTreatment(), row.incompleteUnits(), row.comparison(),
                row.pValueAdjusted(), verdict == null ? null : verdict.jsonName(), row.metricTitle(),
                InputsPart.of(row.inputs()), CapPart.of(row.cap()));
    }

    /** A row of {@code splitscope compare}: no metric, type or segment, and every unit complete. */
    public static ResultPart comparing(String method, String variant, long nControl, long nTreatment,
                                      ComparisonResult result, Double pValueAdjusted) {
        return of(null, null, null, null, null, null, method, variant, null, nControl, nTreatment, 0, result,
                pValueAdjusted, null, null, null, null);
    }

    private static ResultPart of(String metric, String type, String kind, String eligibility, Boolean descriptive,
                                String direction, String method, String variant, String segment,
                                long nControl, long nTreatment, long incompleteUnits, ComparisonResult result,
                                Double pValueAdjusted, String verdict, String metricTitle, InputsPart inputs, CapPart cap) {
        Interval absolute = result.absoluteCi();
        Interval relative = result.relativeCi();
        return new ResultPart(metric, type, kind, eligibility, descriptive, direction, method, variant, segment, nControl,
                nTreatment, incompleteUnits,
                result.controlValue(), result.treatmentValue(),
                result.absoluteEffect(), absolute == null ? null : absolute.low(), absolute == null ? null : absolute.high(),
                result.relativeEffect(), relative == null ? null : relative.low(), relative == null ? null : relative.high(),
                result.pValue(), pValueAdjusted, result.extras(), verdict, result.status().name().toLowerCase(Locale.ROOT),
                result.reason(), metricTitle, inputs, cap);
    }

    /**
     * The scorecard row this one was made {@link #of(ScorecardRow) of}.
     *
     * @throws IllegalArgumentException for a status, type, kind, eligibility or direction that is none of the known
     *                                  ones, or an interval with one bound only
     */
    public ScorecardRow toRow() {
        MetricType metricType = MetricType.fromJsonName(type);
        ComparisonResult result = new ComparisonResult(ResultStatus.valueOf(status.toUpperCase(Locale.ROOT)), reason,
                controlValue, treatmentValue, absoluteEffect, interval("absolute_ci", absoluteCiLow, absoluteCiHigh),
                relativeEffect, interval("relative_ci", relativeCiLow, relativeCiHigh), pValue, extras);
        return new ScorecardRow(metric, metricTitle, metricType, method, variant, segment, nControl,
                nTreatment, incompleteUnits, result, pValueAdjusted, inputs.toSummary(),
                kind == null ? MetricKind.of(metricType) : MetricKind.fromJsonName(kind),
                eligibility == null ? null : Eligibility.fromJsonName(eligibility), cap == null ? null : cap.toCap(),
                direction == null ? null : Direction.fromJsonName(direction));
    }

    private static Interval interval(String name, Double low, Double high) {
        if (low == null && high == null) {
            return null;
        }
        if (low == null || high == null) {
            throw new IllegalArgumentException(name + " has one bound only: [" + low + ", " + high + "]");
        }
        return new Interval(low, high);
    }
}
