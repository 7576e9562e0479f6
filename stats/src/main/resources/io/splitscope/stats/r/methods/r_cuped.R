#' @id r_cuped
#' @title CUPED (in R)
#' @input CovariateMoments
#' @twin cuped
#'
#' CUPED as in spec/metrics.md, written in R from sufficient statistics: Welch's t-test on values
#' adjusted by the pre-exposure covariate x, with theta pooled over every variant of the analysis.
#' Input per variant: c(n, sum, sum_squares, covariate_sum, covariate_sum_squares, sum_product)
#' (sums of y, y^2, x, x^2 and x*y over its units). Contract of methods in R: see r_welch_t.R.
#'
#' Formulas, with N, Sx, Sy, Sxx, Sxy the sums over all units of all variants:
#'   theta = (Sxy - Sx Sy / N) / (Sxx - Sx^2 / N)     (= cov(y, x) / var(x), pooled; 0 if var(x) = 0)
#'   xbar = Sx / N
#'   adjusted mean of variant v:      mean_y,v - theta (mean_x,v - xbar)
#'   adjusted variance of variant v:  s2_y,v - 2 theta s_xy,v + theta^2 s2_x,v   (n - 1)
#' then Welch's test on the adjusted means and variances (welch_test() of runtime.R, shared with
#' r_welch_t.R), the adjusted control mean as the baseline of the relative effect. The Java twin pools with Chan, Golub & LeVeque's
#' parallel formulas instead of raw sums; both are the same numbers to round-off.
#'
#' References: A. Deng, Y. Xu, R. Kohavi, T. Walker (2013), "Improving the Sensitivity of Online
#' Controlled Experiments by Utilizing Pre-Experiment Data", WSDM 2013; B. L. Welch (1947),
#' Biometrika 34, 28-35.
r_cuped <- function(control, treatment, variants, level = 0.95) {
  sums <- do.call(rbind, lapply(variants, function(v) v[c("n", "sum", "sum_squares", "covariate_sum",
                                                          "covariate_sum_squares", "sum_product")]))
  arms <- rbind(control, treatment)
  if (any(!is.finite(arms))) {
    return(list(status = "NON_FINITE", reason = "Some of the control's or the treatment's sums (metric, covariate or cross product) are not finite."))
  }
  if (any(!is.finite(sums))) {
    return(list(status = "NON_FINITE", reason = "A variant of the analysis has sums that are not finite, so the pooled CUPED coefficient theta does not exist."))
  }
  N <- sum(sums[, "n"])
  xbar <- if (N > 0) sum(sums[, "covariate_sum"]) / N else 0
  theta <- 0
  if (N > 0) {
    sx <- sum(sums[, "covariate_sum"]); sy <- sum(sums[, "sum"])
    m2x <- sum(sums[, "covariate_sum_squares"]) - sx * sx / N
    cxy <- sum(sums[, "sum_product"]) - sx * sy / N
    if (m2x > 1e-12 * sum(sums[, "covariate_sum_squares"])) theta <- cxy / m2x
  }
  n <- arms[, "n"]
  adjusted_mean <- ifelse(n > 0, arms[, "sum"] / n - theta * (arms[, "covariate_sum"] / n - xbar), NA_real_)
  few <- too_few_units(n, adjusted_mean)
  if (!is.null(few)) return(few)
  variance <- function(total, squares) {
    m2 <- squares - total * total / n
    ifelse(m2 <= 1e-12 * squares, 0, m2 / (n - 1))
  }
  vy <- variance(arms[, "sum"], arms[, "sum_squares"])
  vx <- variance(arms[, "covariate_sum"], arms[, "covariate_sum_squares"])
  cxy <- (arms[, "sum_product"] - arms[, "covariate_sum"] * arms[, "sum"] / n) / (n - 1)
  v <- vy - 2 * theta * cxy + theta^2 * vx
  v <- ifelse(v <= 1e-12 * (vy + theta^2 * vx), 0, v)
  welch_test(n, adjusted_mean, v, level, extras = c(theta = theta))
}
