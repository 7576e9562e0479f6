#' @id r_welch_t
#' @title Welch's t-test (in R)
#' @input Moments
#' @twin welch_t
#'
#' Welch's unequal-variances t-test of the difference in means with a delta-method interval for
#' the relative difference, exactly the welch_t contract of spec/metrics.md, computed in GNU R.
#'
#' The contract of every Splitscope method written in R (see io.splitscope.stats.r):
#'   - the header tags: @id (the stable id, also the name of the function below), @title,
#'     @input (the Java input record: Moments, CovariateMoments, RatioMoments, UnitValues,
#'     UnitCovariateValues or QuantileSample), optionally @twin (the id of the Java method this
#'     one must reproduce, for parity checks);
#'   - the function <id>(control, treatment, variants, level = 0.95): control and treatment are
#'     the inputs of the two variants, variants the list of every variant's input of the analysis
#'     (control and treatment included), level the two-sided confidence level (a fraction); a
#'     Moments input is the named numeric vector c(n, sum, sum_squares);
#'   - it returns a named list: control_value, treatment_value, absolute_effect, absolute_ci
#'     (c(low, high)), relative_effect, relative_ci, p_value; optionally status (a ResultStatus
#'     name such as "ZERO_BASELINE"; "OK" by default) with a reason, and extras (a named numeric
#'     vector, snake_case names). A value that does not exist is NA or left out. stop() becomes a
#'     result with status METHOD_FAILED and the error message as its reason.
#'
#' Formulas (c = control, t = treatment; s2 the sample variances with n - 1, computed from the
#' sums as (sum_squares - sum * mean) / (n - 1), 0 below 1e-12 of sum_squares as on the Java side):
#'   d = mean_t - mean_c, se = sqrt(s2_c / n_c + s2_t / n_t),
#'   df = se^4 / ((s2_c / n_c)^2 / (n_c - 1) + (s2_t / n_t)^2 / (n_t - 1))   (Welch-Satterthwaite)
#'   p = 2 pt(-|d / se|, df), CI = d -/+ qt((1 + level) / 2, df) se,
#'   r = d / mean_c, se_r^2 = s2_t / (n_t mean_c^2) + mean_t^2 s2_c / (n_c mean_c^4),
#'   CI_r = r -/+ qt((1 + level) / 2, df) se_r.
#' The degenerate cases and the test are too_few_units() and welch_test() of runtime.R, which
#' r_cuped.R shares. R's t.test() needs the unit-level vectors, which the sufficient statistics
#' replace: its statistic, df, p-value and interval are exactly the ones above (the tests check
#' this with t.test on unit vectors in the same R).
#'
#' References: B. L. Welch (1947), Biometrika 34, 28-35; F. E. Satterthwaite (1946), Biometrics
#' Bulletin 2, 110-114; A. Deng, U. Knoblich, J. Lu (2018), "Applying the Delta Method in Metric
#' Analytics", KDD 2018.
r_welch_t <- function(control, treatment, variants, level = 0.95) {
  n <- c(control[["n"]], treatment[["n"]])
  s <- c(control[["sum"]], treatment[["sum"]])
  ss <- c(control[["sum_squares"]], treatment[["sum_squares"]])
  means <- ifelse(n > 0, s / n, NA_real_)
  if (any(!is.finite(c(s, ss)))) {
    ok <- is.finite(s) & is.finite(ss)
    return(list(status = "NON_FINITE", reason = "Some sums are not finite.",
                control_value = if (ok[1]) means[1] else NA, treatment_value = if (ok[2]) means[2] else NA))
  }
  few <- too_few_units(n, means)
  if (!is.null(few)) return(few)
  m2 <- ss - s * means
  v <- ifelse(m2 <= 1e-12 * ss, 0, m2 / (n - 1))
  welch_test(n, means, v, level)
}
