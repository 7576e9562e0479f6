package io.splitscope.stats.methods;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.Interval;
import io.splitscope.stats.MethodDescription;
import io.splitscope.stats.Moments;
import io.splitscope.stats.ResultStatus;
import io.splitscope.stats.distribution.Normal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Beta;

/**
 * Bayesian comparison: the posterior chance that the treatment beats the control, the expected
 * loss of each decision and credible intervals — stat method {@code bayesian}, for proportion and
 * mean metrics from {@link Moments}.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li><b>Proportions</b> (both variants have {@code Σy = Σy²}, an integer {@code Σy ≤ n}: 0/1
 *       values): beta-binomial with a uniform Beta(1, 1) prior, posterior
 *       {@code p_v ~ Beta(1 + Σy_v, 1 + n_v − Σy_v)}, the arms independent. Every quantity is an
 *       exact one-dimensional integral over a posterior density (Gauss–Legendre, 16 panels of 8
 *       points over ±10 posterior SDs, against the narrower of the two posteriors; the other enters
 *       through its regularised incomplete beta function), quantiles by Brent's method on the exact
 *       CDF, for example:
 *       <pre>
 *   P(p_t &gt; p_c)          = ∫ f_c(x) (1 − F_t(x)) dx
 *   E[max(p_c − p_t, 0)]   = ∫ f_t(y) ( μ_c (1 − I_y(a_c + 1, b_c)) − y (1 − I_y(a_c, b_c)) ) dy
 *   P(p_t − p_c ≤ d)       = ∫ f_c(x) F_t(x + d) dx,     P(p_t/p_c − 1 ≤ r) = ∫ f_c(x) F_t((1 + r) x) dx
 *       </pre></li>
 *   <li><b>Means</b>: flat priors and the normal approximation of each mean's posterior,
 *       {@code μ_v ~ N(ȳ_v, s²_v/n_v)}, so {@code Δ = μt − μc ~ N(d, se²)} with {@code se} as in
 *       {@code welch_t}: chance to beat {@code Φ(d/se)}, expected losses
 *       {@code E[max(∓Δ, 0)] = se φ(d/se) ∓ d Φ(∓d/se)}, credible interval {@code d ± z se}; the
 *       relative credible interval {@code r ± z se_r} with the delta-method {@code se_r} of
 *       {@code welch_t}. This is GrowthBook's Bayesian engine with an improper (flat) prior on
 *       the effect.</li>
 * </ul>
 *
 * <h2>Result</h2>
 * Control and treatment values are the observed means (proportions), the absolute and relative
 * effects the observed differences (as every method); the intervals are the 95 % equal-tailed
 * <em>credible</em> intervals of the posterior; there is no p-value. {@link ComparisonResult#extras()}:
 * <ul>
 *   <li>{@code chance_to_beat_control}: {@code P(treatment > control)};</li>
 *   <li>{@code expected_loss}: {@code E[max(control − treatment, 0)]}, what shipping the treatment
 *       costs in expectation, in the metric's units (GrowthBook's treatment "risk");</li>
 *   <li>{@code expected_loss_control}: {@code E[max(treatment − control, 0)]}, what keeping the
 *       control costs.</li>
 * </ul>
 *
 * <p>Degenerate data: NON_FINITE, EMPTY_ARM (no units); for means also TOO_FEW_UNITS (a single
 * unit) and ZERO_VARIANCE (both variances 0) — values and effects only; ZERO_BASELINE (control
 * mean 0: no relative effect or interval).
 *
 * <p>References: A. Gelman et al. (2013), <i>Bayesian Data Analysis</i>, 3rd ed., §2.4 (beta-binomial);
 * C. Stucchio (2015), "Bayesian A/B Testing at VWO" (expected loss); E. Miller (2015), "Formulas for
 * Bayesian A/B Testing"; GrowthBook documentation, "Statistical details — Bayesian engine"
 * (https://docs.growthbook.io/statistics/details).
 */
public final class Bayesian implements ComparisonMethod<Moments> {

    /** The stable id, {@value}. */
    public static final String ID = "bayesian";

    /** The Beta prior of proportions: Beta({@value}, {@value}), uniform. */
    public static final double PRIOR = 1.0;

    /** Extras keys. */
    public static final String CHANCE_TO_BEAT_CONTROL = "chance_to_beat_control";
    public static final String EXPECTED_LOSS = "expected_loss";
    public static final String EXPECTED_LOSS_CONTROL = "expected_loss_control";

    private static final double[] GL_NODES = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
            -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] GL_WEIGHTS = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
            0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};
    private static final int PANELS = 16;
    private static final double SPAN_SDS = 10;

    /** For {@link java.util.ServiceLoader}. */
    public Bayesian() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Bayesian comparison";
    }

    @Override
    public MethodDescription description() {
        return new MethodDescription(
                "Gives the chance that the treatment's value is higher than the control's, and the expected loss"
                        + " of shipping it. The interval is a credible interval at the analysis's level (95 % unless set); there is no p-value.",
                """
                proportions: p_v ~ Beta(1 + Σy_v, 1 + n_v − Σy_v)       (uniform prior)
                means:       μ_v ~ N(ȳ_v, s²_v/n_v)                       (flat prior)
                chance to beat control = P(treatment > control)
                expected loss          = E[max(control − treatment, 0)]""",
                "A. Gelman et al. (2013), Bayesian Data Analysis, §2.4; GrowthBook's Bayesian engine.");
    }

    @Override
    public Class<Moments> inputType() {
        return Moments.class;
    }

    /** Whether the moments are those of 0/1 values. */
    static boolean isProportion(Moments m) {
        double s = m.sum();
        return s == m.sumSquares() && s == Math.rint(s) && s >= 0 && s <= m.n();
    }

    @Override
    public ComparisonResult compare(Moments control, Moments treatment, ConfidenceLevel level) {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(level, "level");
        if (control.n() > 0 && treatment.n() > 0 && control.isFinite() && treatment.isFinite()
                && isProportion(control) && isProportion(treatment)) {
            return betaBinomial(control, treatment, level);
        }
        ComparisonResult welch = new WelchT().compare(control, treatment, level);
        if (welch.status() != ResultStatus.OK && welch.status() != ResultStatus.ZERO_BASELINE) {
            return welch.pValue() == null ? welch : withoutInference(welch);
        }
        return normal(control, treatment, level);
    }

    private static ComparisonResult withoutInference(ComparisonResult r) {
        return ComparisonResult.builder()
                .values(r.controlValue(), r.treatmentValue())
                .absolute(r.absoluteEffect(), null)
                .relative(r.relativeEffect(), null)
                .withStatus(r.status(), r.reason());
    }

    // ---- means: normal posteriors ------------------------------------------------------------------

    private static ComparisonResult normal(Moments control, Moments treatment, ConfidenceLevel level) {
        Difference diff = Difference.ofMeans(control, treatment);
        double d = diff.d();
        double se = diff.se();
        double z = level.z();
        Interval ci = WelchT.interval(d, z * se);
        if (ci == null) {
            return Degenerate.valuesOnly(ResultStatus.NON_FINITE, "The credible interval overflowed.", diff.control(),
                    diff.treatment());
        }
        Map<String, Double> extras = extras(Normal.cdf(d / se), Normal.positivePartMean(-d, se),
                Normal.positivePartMean(d, se));
        Interval relativeCi = WelchT.interval(diff.relative(), z * diff.relativeSe());
        return diff.withRelative(diff.absolute(ci).extras(extras), relativeCi, "control mean",
                "The relative effect overflowed.");
    }

    private static Map<String, Double> extras(double chance, double lossTreatment, double lossControl) {
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put(CHANCE_TO_BEAT_CONTROL, Math.min(1, Math.max(0, chance)));
        extras.put(EXPECTED_LOSS, lossTreatment);
        extras.put(EXPECTED_LOSS_CONTROL, lossControl);
        return extras;
    }

    // ---- proportions: beta posteriors -------------------------------------------------------------

    /** A Beta(a, b) posterior. */
    record BetaPosterior(double a, double b) {

        static BetaPosterior of(Moments m) {
            return new BetaPosterior(PRIOR + m.sum(), PRIOR + m.n() - m.sum());
        }

        double mean() {
            return a / (a + b);
        }

        double sd() {
            double s = a + b;
            return Math.sqrt(a * b / (s * s * (s + 1)));
        }

        double cdf(double x) {
            if (x <= 0) {
                return 0;
            }
            if (x >= 1) {
                return 1;
            }
            return Beta.regularizedBeta(x, a, b, 1e-15, 100_000);
        }

        /** E[max(p − y, 0)] = μ (1 − I_y(a + 1, b)) − y (1 − I_y(a, b)). */
        double excessOver(double y) {
            if (y <= 0) {
                return mean() - y;
            }
            if (y >= 1) {
                return 0;
            }
            double upperMean = mean() * (1 - Beta.regularizedBeta(y, a + 1, b, 1e-15, 100_000));
            return Math.max(0, upperMean - y * (1 - cdf(y)));
        }

        /** E[max(y − p, 0)] = y F(y) − μ I_y(a + 1, b). */
        double shortfallBelow(double y) {
            if (y <= 0) {
                return 0;
            }
            if (y >= 1) {
                return y - mean();
            }
            return Math.max(0, y * cdf(y) - mean() * Beta.regularizedBeta(y, a + 1, b, 1e-15, 100_000));
        }

        /** The interval carrying the mass: mean ± 12 SD within [0, 1]. */
        double low() {
            return Math.max(0, mean() - SPAN_SDS * sd());
        }

        double high() {
            return Math.min(1, mean() + SPAN_SDS * sd());
        }

        /** The Gauss–Legendre rule over the posterior's mass, density included in the weights. */
        Quadrature quadrature() {
            double lo = low();
            double width = (high() - lo) / PANELS;
            int size = PANELS * GL_NODES.length;
            double[] nodes = new double[size];
            double[] weights = new double[size];
            double logBeta = Beta.logBeta(a, b);
            int k = 0;
            for (int p = 0; p < PANELS; p++) {
                double centre = lo + (p + 0.5) * width;
                for (int i = 0; i < GL_NODES.length; i++) {
                    double x = centre + GL_NODES[i] * width / 2;
                    nodes[k] = x;
                    weights[k] = x <= 0 || x >= 1 ? 0
                            : GL_WEIGHTS[i] * width / 2 * Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta);
                    k++;
                }
            }
            return new Quadrature(nodes, weights);
        }
    }

    /** ∫ f(x) g(x) dx ≈ Σ weights[k] g(nodes[k]) for one posterior density f. */
    record Quadrature(double[] nodes, double[] weights) {

        double integrate(DoubleUnaryOperator g) {
            double sum = 0;
            for (int k = 0; k < nodes.length; k++) {
                if (weights[k] != 0) {
                    sum += weights[k] * g.applyAsDouble(nodes[k]);
                }
            }
            return sum;
        }
    }

    private static ComparisonResult betaBinomial(Moments control, Moments treatment, ConfidenceLevel level) {
        BetaPosterior c = BetaPosterior.of(control);
        BetaPosterior t = BetaPosterior.of(treatment);
        double yc = control.mean();
        double yt = treatment.mean();
        double d = yt - yc;

        // Integrate against the narrower posterior's density, so that the other factor is smooth on
        // the quadrature's scale.
        boolean overControl = c.sd() <= t.sd();
        Quadrature qc = c.quadrature();
        Quadrature qt = t.quadrature();
        double chance = overControl ? qc.integrate(x -> 1 - t.cdf(x)) : qt.integrate(c::cdf);
        double lossTreatment = overControl ? qc.integrate(t::shortfallBelow) : qt.integrate(c::excessOver);
        double lossControl = overControl ? qc.integrate(t::excessOver) : qt.integrate(c::shortfallBelow);
        Map<String, Double> extras = extras(chance, lossTreatment, lossControl);

        DoubleUnaryOperator differenceCdf = overControl
                ? v -> qc.integrate(x -> t.cdf(x + v))
                : v -> qt.integrate(y -> 1 - c.cdf(y - v));
        double spread = Math.sqrt(c.sd() * c.sd() + t.sd() * t.sd());
        double centre = t.mean() - c.mean();
        double lo = Math.max(-1, centre - SPAN_SDS * spread);
        double hi = Math.min(1, centre + SPAN_SDS * spread);
        double lower = level.lowerProbability();
        double upper = level.upperProbability();
        Interval ci = new Interval(solve(differenceCdf, lower, lo, hi), solve(differenceCdf, upper, lo, hi));
        var result = ComparisonResult.builder().values(yc, yt).absolute(d, ci).extras(extras);
        if (yc == 0) {
            return Degenerate.zeroBaseline(result, "control proportion");
        }
        boolean relativeOverControl = c.sd() * t.mean() <= t.sd() * c.mean();
        DoubleUnaryOperator relativeCdf = relativeOverControl
                ? r -> qc.integrate(x -> t.cdf((1 + r) * x))
                : r -> r <= -1 ? 0 : qt.integrate(y -> 1 - c.cdf(y / (1 + r)));
        double relCentre = t.mean() / c.mean() - 1;
        double relSpread = Math.sqrt(t.sd() * t.sd() / (c.mean() * c.mean())
                + t.mean() * t.mean() * c.sd() * c.sd() / Math.pow(c.mean(), 4));
        double rlo = Math.max(-1, relCentre - SPAN_SDS * relSpread);
        double rhi = relCentre + SPAN_SDS * relSpread;
        while (relativeCdf.applyAsDouble(rhi) < upper) {
            rhi = relCentre + 2 * (rhi - relCentre) + 1;
        }
        Interval relCi = new Interval(solve(relativeCdf, lower, rlo, rhi), solve(relativeCdf, upper, rlo, rhi));
        return result.relative(d / yc, relCi).ok();
    }

    /** The v in [lo, hi] with cdf(v) = target (Brent, to 1e-13 absolute). */
    private static double solve(DoubleUnaryOperator cdf, double target, double lo, double hi) {
        double flo = cdf.applyAsDouble(lo) - target;
        double fhi = cdf.applyAsDouble(hi) - target;
        if (flo >= 0) {
            return lo;
        }
        if (fhi <= 0) {
            return hi;
        }
        return new BrentSolver(1e-13, 1e-13).solve(500, v -> cdf.applyAsDouble(v) - target, lo, hi);
    }
}
