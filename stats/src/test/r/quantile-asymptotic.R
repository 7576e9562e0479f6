# quantile_asymptotic (Deng, Knoblich & Lu, KDD 2018, section 4.2) written out in R 4.2.2 on the
# golden startup_ms events (../resources/io/splitscope/stats/golden/startup_ms.csv, written by
# golden-inputs.R), as an independent transcription of the paper's formula for QuantileAsymptoticTest.
# Usage: Rscript quantile-asymptotic.R [startup_ms.csv]
args <- commandArgs(trailingOnly = TRUE)
a <- commandArgs(trailingOnly = FALSE)
here <- dirname(sub("^--file=", "", a[grep("^--file=", a)]))
csv <- if (length(args)) args[1] else file.path(here, "..", "resources", "io", "splitscope", "stats", "golden", "startup_ms.csv")
f <- function(v) sprintf("%.17g", v)
ev <- read.csv(csv, stringsAsFactors = FALSE)
z <- qnorm(0.975)
est <- function(values, unit, p) {
  x <- values[!is.na(values)]; E <- length(x)
  q <- quantile(x, p, type = 7, names = FALSE)
  units <- unique(unit)
  Y <- sapply(units, function(u) sum(values[unit == u] <= q, na.rm = TRUE))
  N <- sapply(units, function(u) sum(!is.na(values[unit == u])))
  n <- length(units); Fh <- sum(Y) / sum(N)
  sigma <- sqrt(max(0, (var(Y) - 2 * Fh * cov(Y, N) + Fh^2 * var(N)) / (n * mean(N)^2)))
  r1 <- max(1, min(E, floor(E * (p - z * sigma)))); r2 <- max(1, min(E, ceiling(E * (p + z * sigma))))
  s <- sort(x)
  list(q = q, sigma = sigma, r1 = r1, r2 = r2, low = s[r1], high = s[r2], se = (s[r2] - s[r1]) / (2 * z))
}
compare <- function(name, c, t) {
  d <- t$q - c$q; se <- sqrt(c$se^2 + t$se^2); r <- d / c$q
  ser <- sqrt(t$se^2 / c$q^2 + t$q^2 * c$se^2 / c$q^4)
  cat(name, "\n  control q", f(c$q), "sigma", f(c$sigma), "ranks", c$r1, c$r2, "ci", f(c$low), f(c$high), "se", f(c$se),
      "\n  treatment q", f(t$q), "sigma", f(t$sigma), "ranks", t$r1, t$r2, "ci", f(t$low), f(t$high), "se", f(t$se),
      "\n  d", f(d), "ci", f(d - z * se), f(d + z * se), "r", f(r), "rci", f(r - z * ser), f(r + z * ser),
      "p", f(2 * pnorm(-abs(d / se))), "\n")
}
for (e in unique(ev$experiment_id)) {
  x <- ev[ev$experiment_id == e, ]
  vs <- unique(x$variant)
  for (p in c(0.5, 0.9)) for (v in vs[-1]) {
    g <- function(w) est(x$startup_ms[x$variant == w], x$unit_id[x$variant == w], p)
    compare(sprintf("%s p%g %s", e, 100 * p, v), g(vs[1]), g(v))
  }
}
# a small clustered example: units' values (QuantileAsymptoticTest.smallClusteredAgainstR)
cu <- rep(1:6, c(3, 1, 2, 4, 2, 3)); cv <- c(5, 7, 9, 4, 6, 6, 8, 10, 11, 3, 2, 12, 7, 5, 9)
tu <- rep(1:5, c(2, 3, 3, 1, 3)); tv <- c(6, 8, 9, 10, 7, 12, 11, 8, 13, 9, 6, 14)
compare("small p50", est(cv, cu, 0.5), est(tv, tu, 0.5))
compare("small p90", est(cv, cu, 0.9), est(tv, tu, 0.9))
