package io.splitscope.analysis;

import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.Interval;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The difference of the quantile functions of treatment and control for one quantile metric's
 * events, {@code Δ(p) = Q_t(p) − Q_c(p)}, sampled at several levels p, each with its 95 %
 * interval from {@code quantile_asymptotic} (Deng, Knoblich &amp; Lu, KDD 2018, section 4; events
 * clustered by unit). The intervals are pointwise: each holds its level with 95 % coverage, the
 * band as a whole does not (it is not a simultaneous band).
 *
 * @param levels the levels asked for, ascending
 * @param points one per level and treatment, by level then treatment
 */
public record QuantileCurve(String experimentId, String metricId, List<Double> levels, List<Point> points) {

    /** The levels used when none are given: 0.05, 0.10, …, 0.95 (k / 20, so 0.5 and 0.9 are exact). */
    public static final List<Double> DEFAULT_LEVELS = IntStream.rangeClosed(1, 19).mapToObj(k -> k / 20.0).toList();

    public QuantileCurve {
        levels = List.copyOf(levels);
        points = List.copyOf(points);
    }

    /**
     * One level and treatment.
     *
     * @param level  the percentile level p in (0, 1)
     * @param result the treatment's p-quantile compared with the control's by {@code quantile_asymptotic}:
     *               control and treatment values are the quantiles (type 7), the absolute effect
     *               is the difference with its interval; a status other than OK says why a number
     *               is missing
     */
    public record Point(double level, String variant, long nControl, long nTreatment, ComparisonResult result) {

        /** {@code Q_t(p) − Q_c(p)}, or null. */
        public Double difference() {
            return result.absoluteEffect();
        }

        /** The lower end of the difference's 95 % interval, or null. */
        public Double low() {
            Interval ci = result.absoluteCi();
            return ci == null ? null : ci.low();
        }

        /** The upper end of the difference's 95 % interval, or null. */
        public Double high() {
            Interval ci = result.absoluteCi();
            return ci == null ? null : ci.high();
        }

        /** The control's p-quantile, or null. */
        public Double controlQuantile() {
            return result.controlValue();
        }

        /** The treatment's p-quantile, or null. */
        public Double treatmentQuantile() {
            return result.treatmentValue();
        }
    }
}
