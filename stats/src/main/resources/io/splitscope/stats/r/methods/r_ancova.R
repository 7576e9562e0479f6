#' @id r_ancova
#' @title ANCOVA with HC2 robust standard errors (in R)
#' @input UnitCovariateValues
#'
#' Analysis of covariance: the least-squares regression of the metric on the treatment indicator
#' and the pre-exposure covariate over the units of the control and the treatment,
#'   lm(y ~ treatment + x),   treatment = 0 for control units, 1 for treatment units,
#' with heteroskedasticity-robust HC2 standard errors computed in base R. Exists only in R (no
#' Java twin). Input per variant: list(y = metric values, x = covariate values), one per unit.
#' Other variants of the analysis do not enter the regression (one regression per comparison).
#'
#' With X the n x 3 design matrix (1, treatment, x), e the residuals and h_i the leverages (the
#' diagonal of X (X'X)^-1 X'):
#'   V_HC2 = (X'X)^-1 X' diag(e_i^2 / (1 - h_i)) X (X'X)^-1
#'   absolute effect b = the treatment coefficient, se = sqrt(V_HC2[2, 2]),
#'   df = n - 3 (the residual degrees of freedom), CI = b -/+ qt((1 + level) / 2, df) se,
#'   p = 2 pt(-|b / se|, df)    (as lmtest::coeftest(fit, vcov = sandwich::vcovHC(fit, "HC2"))).
#' Values: the adjusted means at the pooled covariate mean xbar (treated as fixed),
#'   control = a + c xbar, treatment = a + b + c xbar   (a the intercept, c the x coefficient),
#' so that absolute effect = treatment - control; relative effect r = b / control with the
#' delta-method variance g' V_HC2 g, g = (-b / control^2, 1 / control, -b xbar / control^2),
#' CI_r = r -/+ qt((1 + level) / 2, df) se_r. Extras: covariate_coefficient (c).
#' If x is constant or collinear with the treatment, the covariate is dropped (y ~ treatment; the
#' HC2 standard error is then Welch's); the status stays OK and covariate_coefficient is absent.
#' Statuses: NON_FINITE (a NaN or infinite value, or a unit with leverage 1), EMPTY_ARM (the raw
#' means of the other arm), TOO_FEW_UNITS (a single unit in an arm: adjusted means and effects
#' only), ZERO_VARIANCE (residuals below 1e-10 of the metric's scale: an exact fit), ZERO_BASELINE.
#'
#' References: J. G. MacKinnon, H. White (1985), "Some heteroskedasticity-consistent covariance
#' matrix estimators with improved finite sample properties", J. Econometrics 29, 305-325;
#' J. S. Long, L. H. Ervin (2000), "Using heteroscedasticity consistent standard errors in the
#' linear regression model", The American Statistician 54, 217-224; W. Lin (2013), "Agnostic notes
#' on regression adjustments to experimental data", Ann. Appl. Stat. 7, 295-318.
r_ancova <- function(control, treatment, variants, level = 0.95) {
  nc <- length(control$y); nt <- length(treatment$y)
  y <- c(as.numeric(control$y), as.numeric(treatment$y))
  x <- c(as.numeric(control$x), as.numeric(treatment$x))
  if (any(!is.finite(y)) || any(!is.finite(x))) {
    return(list(status = "NON_FINITE", reason = "Some metric or covariate values are NaN or infinite."))
  }
  if (nc == 0 || nt == 0) {
    return(list(status = "EMPTY_ARM", reason = paste(which_arm(c(nc, nt) == 0), "no units, so there is nothing to compare."),
                control_value = if (nc) mean(control$y) else NA, treatment_value = if (nt) mean(treatment$y) else NA))
  }
  treatment_indicator <- rep(c(0, 1), c(nc, nt))
  fit <- lm(y ~ treatment_indicator + x)
  if (anyNA(coef(fit))) fit <- lm(y ~ treatment_indicator)
  b <- unname(coef(fit))
  covariate <- length(b) == 3
  xbar <- mean(x)
  g_x <- if (covariate) xbar else numeric()
  control_value <- b[1] + if (covariate) b[3] * xbar else 0
  treatment_value <- control_value + b[2]
  d <- b[2]
  r <- if (control_value != 0) d / control_value else NA
  extras <- if (covariate) c(covariate_coefficient = b[3]) else numeric()
  values <- list(control_value = control_value, treatment_value = treatment_value, absolute_effect = d,
                 relative_effect = r, extras = extras)
  if (nc < 2 || nt < 2) {
    return(c(values, list(status = "TOO_FEW_UNITS",
                          reason = paste(which_arm(c(nc, nt) < 2), "a single unit; robust standard errors need at least 2 per variant."))))
  }
  X <- model.matrix(fit)
  h <- hatvalues(fit)
  if (any(h > 1 - 1e-10)) {
    return(c(values, list(status = "NON_FINITE",
                          reason = "A unit has leverage 1 (it alone determines a coefficient), so the HC2 variance does not exist.")))
  }
  e <- residuals(fit)
  if (sqrt(sum(e^2)) <= 1e-10 * sqrt(sum(y^2))) {
    return(c(values, list(status = "ZERO_VARIANCE",
                          reason = "The regression fits every unit exactly (no residual variance), so there is no standard error, interval or p-value.")))
  }
  bread <- chol2inv(qr.R(qr(X)))
  meat <- crossprod(X * (e / sqrt(1 - h)))
  V <- bread %*% meat %*% bread
  se <- sqrt(V[2, 2])
  df <- fit$df.residual
  q <- qt((1 + level) / 2, df)
  values$absolute_ci <- d + c(-1, 1) * q * se
  values$p_value <- 2 * pt(-abs(d / se), df)
  if (control_value == 0) {
    values$relative_effect <- NULL
    return(c(values, list(status = "ZERO_BASELINE", reason = "The adjusted control mean is 0, so there is no relative effect.")))
  }
  g <- c(-d / control_value^2, 1 / control_value, -d * g_x / control_value^2)
  se_r <- sqrt(drop(t(g) %*% V %*% g))
  values$relative_ci <- r + c(-1, 1) * q * se_r
  values
}
