package io.splitscope.app.web.scorecard;

import io.splitscope.app.analysis.ScorecardRow;
import io.splitscope.app.web.common.Formats;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;

/**
 * One row of the scorecard grid, formatted for reading: every number is already text, and the
 * direction says how to colour the relative effect.
 *
 * @param direction     whether the relative effect's 95 % interval lies above zero, below it, or
 *                      contains it (or does not exist)
 * @param statusLabel   the short status of the comparison ({@code OK}, {@code Zero baseline} ...)
 * @param statusReason  why the result is incomplete; null when the status is OK
 * @param incompleteNote a note on units left out because their window had not elapsed; null when none
 */
public record ResultRow(String metricId, String metricTitle, String method, String variant, String controlValue,
                        String treatmentValue, String absoluteEffect, String absoluteCi, String relativeEffect,
                        String relativeCi, Direction direction, String pValue, String pValueAdjusted, String units,
                        boolean ok, String statusLabel, String statusReason, String incompleteNote) {

    /** Where the relative effect's confidence interval lies. Up is good for now (metric direction comes later). */
    public enum Direction {
        /** The interval lies above zero: a significant increase. */
        UP("ss-up"),
        /** The interval lies below zero: a significant decrease. */
        DOWN("ss-down"),
        /** The interval contains zero, or there is none. */
        UNCLEAR("ss-flat");

        private final String className;

        Direction(String className) {
            this.className = className;
        }

        /** The CSS class that colours the effect. */
        public String className() {
            return className;
        }

        static Direction of(Interval ci) {
            if (ci == null) {
                return UNCLEAR;
            }
            if (ci.low() > 0) {
                return UP;
            }
            if (ci.high() < 0) {
                return DOWN;
            }
            return UNCLEAR;
        }
    }

    /** Formats one scorecard row. */
    public static ResultRow of(ScorecardRow row) {
        ComparisonResult c = row.comparison();
        Interval abs = c.absoluteCi();
        Interval rel = c.relativeCi();
        String title = row.metricTitle() == null || row.metricTitle().isBlank() ? row.metricId() : row.metricTitle();
        String incomplete = row.incompleteUnits() > 0
                ? Formats.count(row.incompleteUnits()) + " units still in their window, left out"
                : null;
        return new ResultRow(row.metricId(), title, row.method(), row.variant(),
                Formats.number(c.controlValue()), Formats.number(c.treatmentValue()),
                Formats.signedNumber(c.absoluteEffect()),
                abs == null ? Formats.MISSING : Formats.interval(abs.low(), abs.high()),
                Formats.signedPercent(c.relativeEffect()),
                rel == null ? Formats.MISSING : Formats.percentInterval(rel.low(), rel.high()),
                Direction.of(rel), Formats.pValue(c.pValue()), Formats.pValue(row.pValueAdjusted()),
                Formats.count(row.nControl()) + " / " + Formats.count(row.nTreatment()),
                c.isOk(), c.status().label(), c.reason(), incomplete);
    }
}
