package io.splitscope.analysis.results;

import io.splitscope.analysis.Scorecard;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.analysis.json.ExperimentPart;
import io.splitscope.analysis.json.InputsPart;
import io.splitscope.analysis.json.PopulationPart;
import io.splitscope.analysis.json.QueryPart;
import io.splitscope.analysis.json.SrmPart;
import io.splitscope.metrics.MetricKind;
import io.splitscope.metrics.MetricType;
import io.splitscope.sql.log.QueryLog;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Interval;
import io.splitscope.stats.ResultStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scorecard as the results store kept it in formats 1 to 3, read only: the parts the later
 * {@link io.splitscope.analysis.json.ScorecardDocument} kept as they were, and rows of their own
 * shape (the comparison nested, intervals as {@code [low, high]}, type and status by their Java
 * names). Formats 1 and 2 have no {@code confidence_level} (their intervals are at 95 %), and 1 has
 * no {@code metric_queries}, so its scorecards do not say which query served which metric. None
 * kept a row's kind, eligibility or direction: a row reads as the kind of its type, its eligibility
 * and direction unknown (null).
 *
 * @param confidenceLevel the level in percent (format 3)
 */
record EarlierScorecardDocument(int format, ExperimentPart experiment, PopulationPart population, SrmPart srm,
                                List<Row> rows, Double confidenceLevel, String warehouse, Instant computedAt,
                                List<QueryPart> queries, Map<String, Integer> metricQueries) {

    /** A row of the earlier formats. */
    record Row(String metricId, String metricTitle, String type, String method, String variant, String segment,
               long nControl, long nTreatment, long incompleteUnits, Double pValueAdjusted, Comparison comparison,
               InputsPart inputs) {

        ScorecardRow toRow() {
            MetricType metricType = MetricType.valueOf(type);
            return new ScorecardRow(metricId, metricTitle, metricType, method, variant, segment, nControl,
                    nTreatment, incompleteUnits, comparison.toResult(), pValueAdjusted, inputs.toSummary(),
                    MetricKind.of(metricType), null, null, null);
        }
    }

    /** A row's comparison result in the earlier formats, its intervals as {@code [low, high]} or null. */
    record Comparison(String status, String reason, Double controlValue, Double treatmentValue, Double absoluteEffect,
                      double[] absoluteCi, Double relativeEffect, double[] relativeCi, Double pValue,
                      Map<String, Double> extras) {

        ComparisonResult toResult() {
            return new ComparisonResult(ResultStatus.valueOf(status), reason, controlValue, treatmentValue, absoluteEffect,
                    interval(absoluteCi), relativeEffect, interval(relativeCi), pValue, extras);
        }

        private static Interval interval(double[] bounds) {
            return bounds == null ? null : new Interval(bounds[0], bounds[1]);
        }
    }

    Scorecard toScorecard() {
        ConfidenceLevel confidence = format == 3 ? new ConfidenceLevel(confidenceLevel) : ConfidenceLevel.DEFAULT;
        List<QueryLog.Entry> entries = queries.stream().map(QueryPart::toEntry).toList();
        return new Scorecard(experiment.toExperiment(), population.toPopulation(), srm.toSrm(),
                rows.stream().map(Row::toRow).toList(), confidence, warehouse, computedAt, entries,
                metricQueries == null ? Map.of() : metricQueries);
    }
}
