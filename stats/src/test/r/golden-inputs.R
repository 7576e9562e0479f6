# Inputs of cuped, delta_ratio and the quantile methods for every metric of the golden warehouse
# shared/golden/streaming-small, from its CSV files (R 4.2.2, base R only), with the population
# rules and windows of spec/warehouse.md and the metric definitions of spec/metrics.md.
#
# Prints, per experiment, metric and variant (in the order of variants.csv):
#   - mean/proportion metrics: n, Σy, Σy², Σx, Σx², Σxy (x = the same per-unit value over the
#     14-day pre-exposure window), then the cuped row computed by R from the unit-level values
#     (θ pooled over every variant, y_adj = y − θ (x − x̄), t.test(trt_adj, ctl_adj)), to compare
#     with the golden *.cuped.json rows;
#   - rebuffer_rate: n, ΣN, ΣN², ΣD, ΣD², ΣND and the delta_ratio row computed by R;
#   - startup_ms: quantile(type = 7) at 0.5 and 0.9 of the events of each variant.
# Writes the startup_ms events (one line per session, or one line with an empty value for a
# unit without a session) to OUT (default: ../resources/io/splitscope/stats/golden/startup_ms.csv
# next to this script), the test resource of the quantile methods' golden tests.
#
# Usage: Rscript golden-inputs.R [/path/to/shared/golden/streaming-small [OUT]]
args <- commandArgs(trailingOnly = TRUE)
d <- paste0(if (length(args) >= 1) args[1] else "/work/shared/golden/streaming-small", "/")
out <- if (length(args) >= 2) args[2] else {
  a <- commandArgs(trailingOnly = FALSE)
  here <- dirname(sub("^--file=", "", a[grep("^--file=", a)]))
  file.path(here, "..", "resources", "io", "splitscope", "stats", "golden", "startup_ms.csv")
}
options(digits = 17)
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

# Per-unit value of a metric over [from, to).
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

cuped_r <- function(ctl, trt, theta, xbar) {
  yc <- ctl$y - theta * (ctl$x - xbar); yt <- trt$y - theta * (trt$x - xbar)
  tt <- t.test(yt, yc); mc <- mean(yc); mt <- mean(yt); dd <- mt - mc
  q <- qt(0.975, tt$parameter)
  ser <- sqrt(var(yt) / (length(yt) * mc^2) + mt^2 * var(yc) / (length(yc) * mc^4))
  cat("    R cuped: control", f(mc), "treatment", f(mt), "effect", f(dd), "\n      ci", f(tt$conf.int[1]), f(tt$conf.int[2]),
      "relative", f(dd / mc), "rci", f(dd / mc - q * ser), f(dd / mc + q * ser), "p", f(tt$p.value), "\n")
}

quantile_lines <- character()
for (e in ex$experiment_id) {
  u <- population(e)
  vs <- va$variant[va$experiment_id == e]
  ctl <- ex$control_variant[ex$experiment_id == e]
  cat("==", e, "\n")
  for (m in names(windows)) {
    uc <- complete(u, windows[[m]])
    y <- sapply(seq_len(nrow(uc)), function(i) value(m, uc$unit_id[i], uc$t[i], uc$t[i] + windows[[m]] * day))
    x <- sapply(seq_len(nrow(uc)), function(i) value(m, uc$unit_id[i], uc$t[i] - 14 * day, uc$t[i]))
    cat(m, "\n")
    for (v in vs) {
      k <- uc$variant == v
      cat(sprintf("  %s n=%d sum=%s sumSquares=%s covariateSum=%s covariateSumSquares=%s sumProduct=%s\n",
                  v, sum(k), f(sum(y[k])), f(sum(y[k]^2)), f(sum(x[k])), f(sum(x[k]^2)), f(sum(x[k] * y[k]))))
    }
    theta <- if (var(x) == 0) 0 else cov(y, x) / var(x)
    cat("    theta", f(theta), "\n")
    for (v in setdiff(vs, ctl)) {
      cat("   ", v, "\n")
      cuped_r(list(y = y[uc$variant == ctl], x = x[uc$variant == ctl]),
              list(y = y[uc$variant == v], x = x[uc$variant == v]), theta, mean(x))
    }
  }
  # rebuffer_rate (7 d): N = Σ rebuffers, D = Σ watch_seconds / 3600
  uc <- complete(u, 7)
  nd <- t(sapply(seq_len(nrow(uc)), function(i) {
    s <- events(pbu, uc$unit_id[i], uc$t[i], uc$t[i] + 7 * day)
    if (is.null(s) || !nrow(s)) c(0, 0) else c(sum(s$rebuffers), sum(s$watch_seconds) / 3600)
  }))
  cat("rebuffer_rate\n")
  stat <- list()
  for (v in vs) {
    k <- uc$variant == v; N <- nd[k, 1]; D <- nd[k, 2]; n <- sum(k)
    cat(sprintf("  %s n=%d numeratorSum=%s numeratorSumSquares=%s denominatorSum=%s denominatorSumSquares=%s sumProduct=%s\n",
                v, n, f(sum(N)), f(sum(N^2)), f(sum(D)), f(sum(D^2)), f(sum(N * D))))
    Nb <- mean(N); Db <- mean(D)
    stat[[v]] <- c(R = sum(N) / sum(D),
                   var = (var(N) / Db^2 - 2 * Nb * cov(N, D) / Db^3 + Nb^2 * var(D) / Db^4) / n)
  }
  for (v in setdiff(vs, ctl)) {
    c0 <- stat[[ctl]]; t1 <- stat[[v]]; dd <- t1[["R"]] - c0[["R"]]
    se <- sqrt(t1[["var"]] + c0[["var"]]); z <- qnorm(0.975); r <- dd / c0[["R"]]
    ser <- sqrt(t1[["var"]] / c0[["R"]]^2 + t1[["R"]]^2 * c0[["var"]] / c0[["R"]]^4)
    cat("   ", v, "R delta_ratio: control", f(c0[["R"]]), "treatment", f(t1[["R"]]), "effect", f(dd),
        "\n      ci", f(dd - z * se), f(dd + z * se), "relative", f(r), "rci", f(r - z * ser), f(r + z * ser),
        "p", f(2 * pnorm(-abs(dd / se))), "\n")
  }
  # startup_ms: all sessions in the 7-day windows of the variant's units
  cat("startup_ms\n")
  for (v in vs) {
    k <- which(uc$variant == v)
    all <- numeric()
    for (i in k) {
      s <- events(pbu, uc$unit_id[i], uc$t[i], uc$t[i] + 7 * day)
      if (is.null(s) || !nrow(s)) {
        quantile_lines <- c(quantile_lines, sprintf("%s,%s,%d,", e, v, uc$unit_id[i]))
      } else {
        all <- c(all, s$startup_ms)
        quantile_lines <- c(quantile_lines, sprintf("%s,%s,%d,%s", e, v, uc$unit_id[i], f(s$startup_ms)))
      }
    }
    cat(sprintf("  %s units=%d events=%d p50=%s p90=%s\n", v, length(k), length(all),
                f(quantile(all, 0.5, type = 7)), f(quantile(all, 0.9, type = 7))))
  }
}
writeLines(c("experiment_id,variant,unit_id,startup_ms", quantile_lines), out)
cat("wrote", out, "\n")
