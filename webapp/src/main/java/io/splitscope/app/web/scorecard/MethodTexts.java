package io.splitscope.app.web.scorecard;

import java.util.Map;

/**
 * What each comparison method does, in one place: a name, a sentence for a product manager, the
 * formula (as in the method's Javadoc in {@code io.splitscope.stats.methods}) and a reference.
 * Shown by the explain dialog and beside the method picker.
 *
 * @param id        the stable method id ({@code welch_t} …)
 * @param name      a human name
 * @param summary   what it does and how to read its result, in plain words
 * @param formula   the formula, plain text with Unicode symbols, several lines
 * @param reference where it comes from
 */
public record MethodTexts(String id, String name, String summary, String formula, String reference) {

    private static final Map<String, MethodTexts> ALL = Map.of(
            "welch_t", new MethodTexts("welch_t", "Welch's t-test",
                    "Compares the means of the two variants without assuming equal variances. The interval is a 95 %"
                            + " confidence interval; the p-value is the chance of a difference at least this large if"
                            + " the treatment changed nothing.",
                    """
                    d    = ȳt − ȳc
                    se   = √(s²c/nc + s²t/nt)
                    df   = (s²c/nc + s²t/nt)² / ((s²c/nc)²/(nc − 1) + (s²t/nt)²/(nt − 1))
                    p    = P(|T_df| ≥ |d/se|)
                    CI   = d ± t(0.975, df) · se
                    r    = d / ȳc,   se_r² = s²t/(nt ȳc²) + ȳt² s²c/(nc ȳc⁴)
                    CI_r = r ± t(0.975, df) · se_r
                    where ȳ = Σy/n and s² = (Σy² − (Σy)²/n)/(n − 1) from the sufficient statistics""",
                    "B. L. Welch (1947), Biometrika 34; relative interval by the delta method (Deng, Knoblich & Lu, KDD 2018)."),
            "cuped", new MethodTexts("cuped", "CUPED",
                    "Removes the part of each unit's value that their behaviour in the 14 days before exposure"
                            + " predicts, which narrows the interval without biasing the effect; then Welch's t-test.",
                    """
                    θ        = cov(y, x) / var(x)      pooled over all variants (x: the same metric, 14 days before exposure)
                    ȳadj,v   = ȳv − θ (x̄v − x̄)
                    s²adj,v  = s²y,v − 2θ s_xy,v + θ² s²x,v
                    then Welch's t-test on the adjusted means and variances""",
                    "A. Deng, Y. Xu, R. Kohavi, T. Walker (2013), \"Improving the Sensitivity of Online Controlled"
                            + " Experiments by Utilizing Pre-Experiment Data\", WSDM."),
            "delta_ratio", new MethodTexts("delta_ratio", "Delta-method z-test of a ratio",
                    "A ratio of sums over units (e.g. rebuffers per watch hour) varies with both its numerator and"
                            + " denominator; the delta method gives its variance from both, per unit.",
                    """
                    R      = ΣN / ΣD
                    var(R) = (s²N − 2R sND + R² s²D) / (n D̄²)
                    d      = Rt − Rc,   se = √(var(Rt) + var(Rc)),   CI = d ± 1.96·se,   p = 2(1 − Φ(|d|/se))
                    r      = d / Rc,    se_r² = var(Rt)/Rc² + Rt² var(Rc)/Rc⁴,   CI_r = r ± 1.96·se_r""",
                    "A. Deng, U. Knoblich, J. Lu (2018), \"Applying the Delta Method in Metric Analytics\", KDD, §3."),
            "bootstrap_quantile", new MethodTexts("bootstrap_quantile", "Bootstrap of a percentile difference",
                    "Resamples units (with all their rows) many times and recomputes the percentile each time;"
                            + " the spread of those differences is the interval.",
                    """
                    q = the type-7 percentile of all events of the variant's units
                    d = qt − qc,   r = d / qc
                    B replicates: draw units with replacement within each variant, recompute d*, r*
                    CI   = [quantile(d*, 0.025), quantile(d*, 0.975)]   (likewise r*)
                    p    = min(1, 2 · min(#{d* ≤ 0}, #{d* ≥ 0}) / B)""",
                    "B. Efron, R. Tibshirani (1993), An Introduction to the Bootstrap, ch. 13 and 16; Deng, Lu & Litz (2017), WSDM."),
            "quantile_asymptotic", new MethodTexts("quantile_asymptotic", "Asymptotic percentile test",
                    "A fast interval for a percentile difference from order statistics, accounting for several events"
                            + " per unit.",
                    """
                    q̂ = the type-7 percentile; its standard error from the outer interval of Deng, Knoblich & Lu
                    d = q̂t − q̂c,   se = √(se_t² + se_c²),   CI = d ± 1.96·se,   p = 2(1 − Φ(|d|/se))""",
                    "A. Deng, U. Knoblich, J. Lu (2018), KDD, §4 (quantile metrics)."),
            "bayesian", new MethodTexts("bayesian", "Bayesian comparison",
                    "Gives the chance that the treatment's value is higher than the control's, and the expected loss"
                            + " of shipping it. The interval is a 95 % credible interval; there is no p-value.",
                    """
                    proportions: p_v ~ Beta(1 + Σy_v, 1 + n_v − Σy_v)       (uniform prior)
                    means:       μ_v ~ N(ȳ_v, s²_v/n_v)                       (flat prior)
                    chance to beat control = P(treatment > control)
                    expected loss          = E[max(control − treatment, 0)]""",
                    "A. Gelman et al. (2013), Bayesian Data Analysis, §2.4; GrowthBook's Bayesian engine."),
            "sequential", new MethodTexts("sequential", "Sequential (always-valid) test",
                    "An interval that stays valid however often you look at the results, so an experiment can be"
                            + " checked every day. It is wider than Welch's at the same sample size: the price of peeking.",
                    """
                    d = ȳt − ȳc,  se as Welch,  N = nc + nt,  s² = se²·N,  α = 0.05
                    ρ²        = (−2 ln α + ln(1 − 2 ln α)) / N*
                    halfwidth = s · √( 2(Nρ² + 1)/(N²ρ²) · ln(√(Nρ² + 1)/α) )
                    CI        = d ± halfwidth
                    p         = min(1, √(Nρ² + 1) · exp(−d²N²ρ² / (2s²(Nρ² + 1))))""",
                    "I. Waudby-Smith et al. (2023), Annals of Statistics; Johari et al. (2017), KDD."),
            "mann_whitney", new MethodTexts("mann_whitney", "Mann–Whitney U test",
                    "A rank test: does a unit of the treatment tend to have a higher value than one of the control?",
                    """
                    U from the ranks of all values, normal approximation with tie and continuity corrections
                    shift: Hodges–Lehmann estimate with Moses' interval""",
                    "R wilcox.test; E. L. Lehmann (1975), Nonparametrics."));

    /** How the method is named in a list: its name and id ({@code Welch's t-test · welch_t}), or its id alone. */
    public String label() {
        return name.equals(id) ? id : name + " · " + id;
    }

    /** The summary's first sentence. */
    public String headline() {
        int end = summary.indexOf(". ");
        return end < 0 ? summary : summary.substring(0, end + 1);
    }

    /** The text of a method id; a generic one for a method not described here. */
    public static MethodTexts of(String id) {
        MethodTexts known = ALL.get(id);
        return known != null ? known : new MethodTexts(id, id, "A comparison method registered with the stats module.",
                "See the method's documentation in io.splitscope.stats.methods.", "");
    }

    /** How the adjusted p-values are computed. */
    public static final String ADJUSTMENT = "Adjusted p-values control the false discovery rate across all rows of the"
            + " scorecard (Benjamini–Hochberg): with many metrics, some look significant by chance; the adjusted"
            + " p-value accounts for that.";
}
