# Reference values of the methods written in R (io.splitscope.stats.r tests), computed from the
# golden warehouse shared/golden/streaming-small with R's own functions (R 4.2.2), independently of
# the R method files under stats/src/main/resources/io/splitscope/stats/r/methods.
#
# Population rules, windows and per-unit values exactly as golden-inputs.R (spec/warehouse.md,
# spec/metrics.md); x is the same per-unit value over the 14-day pre-exposure window.
#
# Writes:
#   OUT_CSV (default ../resources/io/splitscope/stats/r/golden-units.csv next to this script):
#     experiment_id,metric,variant,y,x — the unit-level values of the metrics in `unit_metrics`
#     (the inputs of r_mann_whitney and r_ancova in the tests);
#   OUT_JAVA (default /tmp/RGoldenData.java.txt): Java initialisers pasted into
#     stats/src/test/java/io/splitscope/stats/r/RGolden.java:
#     - MEANS: for every mean/proportion metric and experiment, the per-variant sufficient statistics
#       (n, Σy, Σy², Σx, Σx², Σxy) and, per treatment, welch_t from R's t.test(yt, yc) on the unit
#       values (relative effect and CI by the delta method of spec/metrics.md, with t.test's df);
#     - UNITS: for the metrics in `unit_metrics`, per treatment,
#       * wilcox.test(yt, yc, exact = FALSE, correct = TRUE)$p.value, the medians, the
#         Hodges-Lehmann shift median(outer(yt, yc, "-")) and Moses's interval (sorted differences
#         k and nt nc + 1 - k, k = max(1, ceiling(nt nc / 2 - 0.5 - qnorm(0.975) sigma)));
#       * lm(y ~ treatment + x) over the control and treatment units with the HC2 covariance of the
#         sandwich package (vcovHC(fit, type = "HC2"), sandwich 3.0-2 from Debian's r-cran-sandwich),
#         cross-checked against a base-R HC2 (explicit loop over units); t with the residual df.
#
# Usage: Rscript r-methods-golden.R [/path/to/shared/golden/streaming-small [OUT_CSV [OUT_JAVA]]]
args <- commandArgs(trailingOnly = TRUE)
d <- paste0(if (length(args) >= 1) args[1] else "/work/shared/golden/streaming-small", "/")
here <- {
  a <- commandArgs(trailingOnly = FALSE)
  dirname(sub("^--file=", "", a[grep("^--file=", a)]))
}
out_csv <- if (length(args) >= 2) args[2] else
  file.path(here, "..", "resources", "io", "splitscope", "stats", "r", "golden-units.csv")
out_java <- if (length(args) >= 3) args[3] else "/tmp/RGoldenData.java.txt"
suppressPackageStartupMessages(library(sandwich))
f <- function(v) sprintf("%.17g", v)
ex <- read.csv(paste0(d, "experiments.csv"), stringsAsFactors = FALSE)
va <- read.csv(paste0(d, "variants.csv"), stringsAsFactors = FALSE)
xp <- read.csv(paste0(d, "exposures.csv"), stringsAsFactors = FALSE)
pb <- read.csv(paste0(d, "playback.csv"), stringsAsFactors = FALSE)
pm <- read.csv(paste0(d, "payments.csv"), stringsAsFactors = FALSE)
cn <- read.csv(paste0(d, "cancellations.csv"), stringsAsFactors = FALSE)
ts <- function(s) as.POSIXct(s, tz = "UTC", format = "%Y-%m-%d %H:%M:%S")
xp$t <- ts(xp$exposed_at); pb$t <- ts(pb$started_at); pm$t <- ts(pm$paid_at); cn$t <- ts(cn$cancelled_at)
day <- 86400
pbu <- split(pb, pb$unit_id); pmu <- split(pm, pm$unit_id); cnu <- split(cn, cn$unit_id)
events <- function(tab, unit, from, to) {
  e <- tab[[as.character(unit)]]
  if (is.null(e)) return(e)
  e[e$t >= from & e$t < to, ]
}
population <- function(e) {
  r <- ex[ex$experiment_id == e, ]
  s <- as.POSIXct(paste(r$start_date, "00:00:00"), tz = "UTC")
  end <- as.POSIXct(paste(r$end_date, "00:00:00"), tz = "UTC") + day
  x <- xp[xp$experiment_id == e & xp$t >= s & xp$t < end, ]
  x <- x[x$variant %in% va$variant[va$experiment_id == e], ]
  nv <- tapply(x$variant, x$unit_id, function(v) length(unique(v)))
  x <- x[x$unit_id %in% as.numeric(names(nv)[nv == 1]), ]
  u <- aggregate(t ~ unit_id + variant, x, min)
  u$end <- end
  u[order(u$unit_id), ]
}
complete <- function(u, W) u[u$t + W * day <= u$end, ]
value <- function(metric, unit, from, to) {
  s <- events(pbu, unit, from, to)
  ns <- if (is.null(s)) 0 else nrow(s)
  switch(metric,
    streaming_hours = if (ns) sum(s$watch_seconds) / 3600 else 0,
    plays_per_member = ns,
    active_days = if (ns) length(unique(format(s$t, "%Y-%m-%d", tz = "UTC"))) else 0,
    play_rate = as.numeric(ns > 0),
    revenue_per_member = { p <- events(pmu, unit, from, to); if (is.null(p) || !nrow(p)) 0 else sum(p$amount) },
    cancel_rate = { c <- events(cnu, unit, from, to); as.numeric(!is.null(c) && nrow(c) > 0) })
}
windows <- c(streaming_hours = 7, plays_per_member = 7, active_days = 7, play_rate = 7,
             revenue_per_member = 28, cancel_rate = 28)
unit_metrics <- list(exp_autoplay = c("streaming_hours", "play_rate", "revenue_per_member"),
                     exp_price = c("streaming_hours", "revenue_per_member"))

welch_row <- function(yc, yt) {
  tt <- t.test(yt, yc)
  mc <- mean(yc); mt <- mean(yt); dd <- mt - mc; q <- qt(0.975, tt$parameter)
  ser <- sqrt(var(yt) / (length(yt) * mc^2) + mt^2 * var(yc) / (length(yc) * mc^4))
  c(mc, mt, dd, tt$conf.int[1], tt$conf.int[2], dd / mc, dd / mc - q * ser, dd / mc + q * ser, tt$p.value)
}
mann_whitney_row <- function(yc, yt) {
  w <- wilcox.test(yt, yc, exact = FALSE, correct = TRUE)
  diffs <- sort(as.vector(outer(yt, yc, "-")))
  nc <- length(yc); nt <- length(yt); n <- nc + nt; pairs <- nc * nt
  ties <- as.numeric(table(c(yc, yt)))  # exact here: the golden values are short decimals
  sigma <- sqrt(nt * nc / 12 * ((n + 1) - sum(ties^3 - ties) / (n * (n - 1))))
  k <- max(1, min(ceiling(pairs / 2 - 0.5 - qnorm(0.975) * sigma), floor((pairs + 1) / 2)))
  mc <- median(yc); hl <- median(diffs)
  c(mc, median(yt), hl, diffs[k], diffs[pairs + 1 - k], hl / mc, NA, NA, w$p.value)
}
ancova_row <- function(yc, xc, yt, xt) {
  y <- c(yc, yt); x <- c(xc, xt); g <- rep(0:1, c(length(yc), length(yt)))
  fit <- lm(y ~ g + x)
  V <- vcovHC(fit, type = "HC2")
  # base-R HC2, an explicit sum over units, as a cross-check of sandwich
  X <- cbind(1, g, x); XtXi <- solve(t(X) %*% X); e <- residuals(fit)
  meat <- matrix(0, 3, 3)
  for (i in seq_along(y)) {
    h <- drop(t(X[i, ]) %*% XtXi %*% X[i, ])
    meat <- meat + e[i]^2 / (1 - h) * X[i, ] %*% t(X[i, ])
  }
  V2 <- XtXi %*% meat %*% XtXi
  stopifnot(max(abs(V2 - unname(V))) <= 1e-12 * max(abs(V)))
  b <- unname(coef(fit)); se <- sqrt(V[2, 2]); df <- fit$df.residual; q <- qt(0.975, df)
  xbar <- mean(x); cv <- b[1] + b[3] * xbar; r <- b[2] / cv
  gr <- c(-b[2] / cv^2, 1 / cv, -b[2] * xbar / cv^2); ser <- sqrt(drop(t(gr) %*% unname(V) %*% gr))
  c(cv, cv + b[2], b[2], b[2] - q * se, b[2] + q * se, r, r - q * ser, r + q * ser,
    2 * pt(-abs(b[2] / se), df), b[3])
}
jd <- function(v) paste(ifelse(is.na(v), "Double.NaN", f(v)), collapse = ", ")

java_means <- character(); java_units <- character(); csv <- character()
for (e in ex$experiment_id) {
  u <- population(e)
  vs <- va$variant[va$experiment_id == e]
  ctl <- ex$control_variant[ex$experiment_id == e]
  vs <- c(ctl, setdiff(vs, ctl))
  for (m in names(windows)) {
    uc <- complete(u, windows[[m]])
    y <- sapply(seq_len(nrow(uc)), function(i) value(m, uc$unit_id[i], uc$t[i], uc$t[i] + windows[[m]] * day))
    x <- sapply(seq_len(nrow(uc)), function(i) value(m, uc$unit_id[i], uc$t[i] - 14 * day, uc$t[i]))
    inputs <- sapply(vs, function(v) {
      k <- uc$variant == v
      sprintf("cm(%d, %s, %s, %s, %s, %s)", sum(k), f(sum(y[k])), f(sum(y[k]^2)), f(sum(x[k])), f(sum(x[k]^2)),
              f(sum(x[k] * y[k])))
    })
    welch <- sapply(vs[-1], function(v) sprintf("{%s}", jd(welch_row(y[uc$variant == ctl], y[uc$variant == v]))))
    java_means <- c(java_means, sprintf(
      "        new Means(\"%s\", \"%s\", List.of(%s),\n                List.of(%s),\n                new double[][] {%s}),",
      e, m, paste0("\"", vs, "\"", collapse = ", "), paste(inputs, collapse = ",\n                        "),
      paste(welch, collapse = ",\n                        ")))
    if (m %in% unit_metrics[[e]]) {
      for (v in vs) {
        k <- uc$variant == v
        csv <- c(csv, sprintf("%s,%s,%s,%s,%s", e, m, v, f(y[k]), f(x[k])))
      }
      for (v in vs[-1]) {
        kc <- uc$variant == ctl; kt <- uc$variant == v
        java_units <- c(java_units, sprintf(
          "        new Units(\"%s\", \"%s\", \"%s\",\n                new double[] {%s},\n                new double[] {%s}),",
          e, m, v, jd(mann_whitney_row(y[kc], y[kt])), jd(ancova_row(y[kc], x[kc], y[kt], x[kt]))))
      }
    }
  }
}
writeLines(c("experiment_id,metric,variant,y,x", csv), out_csv)
writeLines(c("    static final List<Means> MEANS = List.of(", sub(",$", ");", paste(java_means, collapse = "\n")),
             "", "    static final List<Units> UNITS = List.of(", sub(",$", ");", paste(java_units, collapse = "\n"))),
           out_java)
cat("wrote", out_csv, "and", out_java, "\n")
