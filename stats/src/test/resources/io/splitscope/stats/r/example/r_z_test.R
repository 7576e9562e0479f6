#' @id r_z_test
#' @title Two-sample z-test (in R, worked example)
#' @input Moments
#'
#' The worked example of "Add a stat method in R" (README): the large-sample z-test of the
#' difference in means, from each variant's sufficient statistics c(n, sum, sum_squares).
#'   d = mean_t - mean_c, se = sqrt(s2_c / n_c + s2_t / n_t), z = d / se,
#'   p = 2 pnorm(-|z|), CI = d -/+ qnorm((1 + level) / 2) se; relative: d / mean_c with the delta method.
#' Reference: any statistics text, e.g. L. Wasserman (2004), All of Statistics, section 10.1.
r_z_test <- function(control, treatment, variants, level = 0.95) {
  n <- c(control[["n"]], treatment[["n"]])
  m <- c(control[["sum"]], treatment[["sum"]]) / n
  v <- (c(control[["sum_squares"]], treatment[["sum_squares"]]) - n * m^2) / (n - 1)
  d <- m[2] - m[1]
  se <- sqrt(sum(v / n))
  z <- qnorm((1 + level) / 2)
  se_r <- sqrt(v[2] / (n[2] * m[1]^2) + m[2]^2 * v[1] / (n[1] * m[1]^4))
  list(control_value = m[1], treatment_value = m[2], absolute_effect = d,
       absolute_ci = d + c(-1, 1) * z * se, relative_effect = d / m[1],
       relative_ci = d / m[1] + c(-1, 1) * z * se_r, p_value = 2 * pnorm(-abs(d / se)),
       extras = c(z = d / se))
}
