#' @id r_mann_whitney
#' @title Mann-Whitney U test (in R)
#' @input UnitValues
#' @twin mann_whitney
#'
#' The Mann-Whitney U (Wilcoxon rank-sum) test through R's own
#' wilcox.test(treatment, control, exact = FALSE, correct = TRUE) (normal approximation with the
#' tie and continuity corrections), with the same estimates as the Java mann_whitney:
#'   - control and treatment values: the medians (median());
#'   - absolute effect: the Hodges-Lehmann shift, the median of the n_t n_c differences
#'     y_t - y_c (not treatment value - control value);
#'   - absolute CI: Moses's interval, the k-th and (n_t n_c + 1 - k)-th smallest differences with
#'     k = max(1, ceiling(n_t n_c / 2 - 0.5 - qnorm((1 + level) / 2) sigma)) and
#'     sigma = sqrt(n_t n_c / 12 ((n + 1) - sum(t_j^3 - t_j) / (n (n - 1)))), t_j the tie sizes;
#'   - relative effect: the shift over the control median; no relative interval.
#' Input per variant: the numeric vector of its unit values. Order statistics of the differences
#' come from sort(outer(...), partial = ...) up to 2e7 pairs, beyond that from a bisection over the
#' value with findInterval() counts (no n_t n_c matrix). Contract of methods in R: see r_welch_t.R.
#'
#' References: H. B. Mann, D. R. Whitney (1947), Ann. Math. Statist. 18, 50-60; J. L. Hodges,
#' E. L. Lehmann (1963), Ann. Math. Statist. 34, 598-611; M. Hollander, D. A. Wolfe (1999),
#' Nonparametric Statistical Methods, 2nd ed., sections 4.1-4.3.
r_mann_whitney <- function(control, treatment, variants, level = 0.95) {
  yc <- sort(as.numeric(control), na.last = TRUE)
  yt <- sort(as.numeric(treatment), na.last = TRUE)
  fc <- all(is.finite(yc)); ft <- all(is.finite(yt))
  med <- function(y) if (length(y)) median(y) else NA
  if (!fc || !ft) {
    return(list(status = "NON_FINITE",
                reason = paste0("Some values are NaN or infinite: ",
                                if (!fc && !ft) "the control and the treatment have" else if (!fc) "the control has" else "the treatment has",
                                " non-finite values."),
                control_value = if (fc) med(yc) else NA, treatment_value = if (ft) med(yt) else NA))
  }
  nc <- as.numeric(length(yc)); nt <- as.numeric(length(yt))
  if (nc == 0 || nt == 0) {
    return(list(status = "EMPTY_ARM", reason = paste(which_arm(c(nc, nt) == 0), "no units, so there is nothing to compare."),
                control_value = med(yc), treatment_value = med(yt)))
  }
  mc <- median(yc); mt <- median(yt)
  pairs <- nc * nt
  shift <- if (pairs %% 2 == 1) kth_difference(yt, yc, (pairs + 1) / 2) else
    (kth_difference(yt, yc, pairs / 2) + kth_difference(yt, yc, pairs / 2 + 1)) / 2
  relative <- if (mc != 0) shift / mc else NA
  if (nc < 2 || nt < 2) {
    return(list(status = "TOO_FEW_UNITS",
                reason = paste(which_arm(c(nc, nt) < 2), "a single unit; the test and the interval need at least 2 per variant."),
                control_value = mc, treatment_value = mt, absolute_effect = shift, relative_effect = relative))
  }
  n <- nc + nt
  ties <- as.numeric(rle(sort(c(yc, yt)))$lengths)
  sigma <- sqrt(nt * nc / 12 * ((n + 1) - sum(ties^3 - ties) / (n * (n - 1))))
  if (!(sigma > 0)) {
    return(list(status = "ZERO_VARIANCE",
                reason = "Every unit of both variants has the same value, so ranks carry no information: no interval or p-value.",
                control_value = mc, treatment_value = mt, absolute_effect = shift, relative_effect = relative))
  }
  test <- wilcox.test(yt, yc, exact = FALSE, correct = TRUE)
  k <- ceiling(pairs / 2 - 0.5 - qnorm((1 + level) / 2) * sigma)
  k <- max(1, min(k, floor((pairs + 1) / 2)))
  out <- list(control_value = mc, treatment_value = mt, absolute_effect = shift,
              absolute_ci = c(kth_difference(yt, yc, k), kth_difference(yt, yc, pairs + 1 - k)),
              p_value = test$p.value)
  if (mc == 0) {
    return(c(out, list(status = "ZERO_BASELINE", reason = "The control median is 0, so there is no relative effect.")))
  }
  c(out, list(relative_effect = relative))
}

# The k-th smallest (1-based) of the differences yt[j] - yc[i], yt and yc sorted.
kth_difference <- function(yt, yc, k) {
  if (as.numeric(length(yt)) * length(yc) <= 2e7) {
    return(sort(as.vector(outer(yt, yc, "-")), partial = k)[k])
  }
  # #{(i, j): yt[j] - yc[i] <= v}: for each i, the yt[j] <= yc[i] + v.
  count <- function(v) sum(as.numeric(findInterval(yc + v, yt)))
  lo <- yt[1] - yc[length(yc)]
  hi <- yt[length(yt)] - yc[1]
  if (count(lo) >= k) return(lo)
  repeat { # invariant: count(lo) < k <= count(hi)
    mid <- lo + (hi - lo) / 2
    if (mid <= lo || mid >= hi) return(hi)
    if (count(mid) >= k) hi <- mid else lo <- mid
  }
}
