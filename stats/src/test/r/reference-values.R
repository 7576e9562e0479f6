# Expected values of the stats tests (R 4.2.2). Each block is quoted in the test that uses it.
options(digits = 17)
f <- function(v) sprintf("%.17g", v)
welch <- function(name, ctl, trt) {
  tt <- t.test(trt, ctl)                       # Welch, two-sided, 95 %
  mc <- mean(ctl); mt <- mean(trt); d <- mt - mc
  q <- qt(0.975, tt$parameter)
  ser <- sqrt(var(trt)/(length(trt)*mc^2) + mt^2*var(ctl)/(length(ctl)*mc^4))
  r <- d/mc
  cat(name, "\n  mc", f(mc), "mt", f(mt), "d", f(d), "\n  df", f(tt$parameter), "p", f(tt$p.value),
      "\n  ci", f(tt$conf.int[1]), f(tt$conf.int[2]), "\n  r", f(r), "rci", f(r - q*ser), f(r + q*ser), "\n")
}
welch("small", c(3.1, 4.7, 2.2, 5.9, 4.4, 3.8), c(5.2, 6.1, 4.9, 7.3, 5.8, 6.6, 4.4))
welch("unequal", c(10, 12, 9, 11, 14, 8, 10, 13), c(15, 3, 22, 9, 18))
welch("negative", c(-2.5, -3.1, -1.8, -2.9, -2.2), c(-1.9, -2.4, -1.1, -2.0, -1.6, -2.8))
welch("onezero", c(2, 2, 2, 2), c(1, 3, 4, 2, 5))
welch("prop", c(rep(1,120), rep(0,880)), c(rep(1,150), rep(0,850)))
welch("zerobase-like", c(-1, 1, -2, 2, 0), c(0.5, 1.5, 2.5, -0.5))
cat("dt", f(dt(1.3, 2.5)), f(dt(1.3, 1749.5)), f(dt(1.3, 1e7)), "\n")
cat("qt 0.025 30:", f(qt(0.025, 30)), " qt .9 7.3:", f(qt(0.9, 7.3)), "\n")
# large-n Welch from summary statistics
nc <- 4e6; mc <- 3.2; vc <- 9.1; nt <- 4.1e6; mt <- 3.205; vt <- 9.4
a <- vc/nc; b <- vt/nt; se <- sqrt(a+b); df <- (a+b)^2/(a^2/(nc-1) + b^2/(nt-1))
d <- mt - mc; t <- d/se
p <- pbeta(t^2/(df+t^2), 1/2, df/2, lower.tail = FALSE)
q <- qt(0.975, df)
ser <- sqrt(vt/(nt*mc^2) + mt^2*vc/(nc*mc^4)); r <- d/mc
cat("large df", f(df), "p", f(p), "q", f(q), "ci", f(d - q*se), f(d + q*se), "r", f(r), "rci", f(r - q*ser), f(r+q*ser), "\n")
# sums for those moments
cat("sums c", f(nc*mc), f((nc-1)*vc + nc*mc^2), " t", f(nt*mt), f((nt-1)*vt + nt*mt^2), "\n")
# Moments
x <- c(3.1, 4.7, 2.2, 5.9, 4.4, 3.8); cat("mom", f(sum(x)), f(sum(x^2)), f(mean(x)), f(var(x)), "\n")
y <- c(1000.1, 1000.2, 1000.4, 1000.3, 999.9); cat("off", f(mean(y)), f(var(y)), "\n")
cat("prop var", f(var(c(rep(1,120), rep(0,880)))), "\n")
# SRM
s <- chisq.test(c(863, 897), p = c(0.5, 0.5)); cat("srm1", f(s$statistic), f(s$p.value), "\n")
s <- chisq.test(c(781, 342, 376), p = c(0.5, 0.25, 0.25)); cat("srm2", f(s$statistic), f(s$p.value), "\n")
s <- chisq.test(c(1000, 1200), p = c(0.5, 0.5)); cat("srm3", f(s$statistic), f(s$p.value), "\n")
s <- chisq.test(c(100, 0), p = c(0.5, 0.5)); cat("srm4", f(s$statistic), f(s$p.value), "\n")
s <- chisq.test(c(5000, 2600, 2400), p = c(0.5, 0.25, 0.25)); cat("srm5", f(s$statistic), f(s$p.value), "\n")
# BH
p <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, NA, 0.5, NA, 0.049)
cat("bh", f(p.adjust(p, "BH")), "\n")
cat("bh2", f(p.adjust(c(0.9, 0.8), "BH")), "\n")
cat("bh3", f(p.adjust(c(0, 1, 0.5, 0.5, 0.5), "BH")), "\n")
# Student's t (StudentTTest): R's pt is exact (pbeta) up to df = 4e5; beyond, pbeta on the
# complementary argument is used as the exact reference.
for (df in c(1, 2.5, 30, 1749.90569462639, 3e5)) for (t in c(0.3, 2.5, 12))
  cat("pt", df, t, f(2 * pt(-t, df)), "\n")
for (df in c(1, 2.5, 30, 1749.90569462639, 3e5)) cat("qt", df, f(qt(0.975, df)), "\n")
for (df in c(1e7, 1e9, 1e12)) for (t in c(0.3, 2.5, 12))
  cat("pbeta", df, t, f(pbeta(t^2 / (df + t^2), 1/2, df/2, lower.tail = FALSE)), "\n")
cat("pnorm", f(2 * pnorm(-2.5)), "\n")
# Input records (InputRecordsTest)
cat("cov records", f(cov(c(1, 2, 4, 7), c(2, 2, 5, 6))), f(cov(c(1, 0, 3), c(2, 1, 4))), "\n")
# CUPED (CupedTest): theta pooled over the variants given, y_adj = y - theta (x - mean(x)), t.test on y_adj
cuped <- function(name, ys, xs, ctl = 1, trt = 2) {
  y <- unlist(ys); x <- unlist(xs)
  theta <- if (var(x) == 0) 0 else cov(y, x) / var(x)
  adj <- mapply(function(a, b) a - theta * (b - mean(x)), ys, xs, SIMPLIFY = FALSE)
  cat(name, "theta", f(theta), "\n"); welch(name, adj[[ctl]], adj[[trt]])
}
yc <- c(3.1, 4.7, 2.2, 5.9, 4.4, 3.8); xc <- c(2.9, 4.1, 2.5, 5.0, 4.6, 3.0)
yt <- c(5.2, 6.1, 4.9, 7.3, 5.8, 6.6, 4.4); xt <- c(4.0, 5.5, 4.2, 6.1, 5.2, 6.0, 3.1)
y3 <- c(4.0, 3.3, 6.2, 5.1); x3 <- c(3.9, 3.6, 5.5, 4.0)
cuped("cuped2", list(yc, yt), list(xc, xt))
cuped("cuped3", list(yc, yt, y3), list(xc, xt, x3))
cuped("cupedconstx", list(yc, yt), list(rep(2, 6), rep(2, 7)))
# delta_ratio (DeltaRatioTest): small vectors
delta <- function(name, nc, dc, nt, dt) {
  v <- function(N, D) { n <- length(N); Nb <- mean(N); Db <- mean(D)
    c(R = sum(N)/sum(D), var = (var(N)/Db^2 - 2*Nb*cov(N, D)/Db^3 + Nb^2*var(D)/Db^4)/n) }
  c0 <- v(nc, dc); t1 <- v(nt, dt); d <- t1[["R"]] - c0[["R"]]; se <- sqrt(c0[["var"]] + t1[["var"]])
  z <- qnorm(0.975); r <- d / c0[["R"]]
  ser <- sqrt(t1[["var"]]/c0[["R"]]^2 + t1[["R"]]^2*c0[["var"]]/c0[["R"]]^4)
  cat(name, "\n  Rc", f(c0[["R"]]), "Rt", f(t1[["R"]]), "d", f(d), "\n  ci", f(d - z*se), f(d + z*se),
      "\n  r", f(r), "rci", f(r - z*ser), f(r + z*ser), "\n  p", f(2*pnorm(-abs(d/se))), "\n")
}
delta("delta1", c(1, 0, 3, 2, 5), c(2, 1, 4, 3, 6), c(2, 1, 4, 4, 3, 6), c(2, 2, 3, 5, 3, 5))
cat("qnorm(0.975)", f(qnorm(0.975)), "\n")
# Selection.type7 (SelectionTest)
cat("q7", f(quantile(c(5, 1, 9, 3, 3, 7.5, 2), c(0.5, 0.9, 0.1, 0.25), type = 7)), "\n")
# mann_whitney (MannWhitneyTest): wilcox.test(trt, ctl, exact = FALSE, correct = TRUE); HL = median(outer(trt, ctl, "-"))
mw <- function(name, ctl, trt) {
  w <- wilcox.test(trt, ctl, exact = FALSE, correct = TRUE)
  cat(name, "W", f(w$statistic), "p", f(w$p.value), "HL", f(median(outer(trt, ctl, "-"))),
      "medians", f(median(ctl)), f(median(trt)), "\n")
}
mw("mw-ties", c(3, 5, 5, 7, 2, 9, 4, 4, 6), c(6, 8, 5, 9, 10, 7, 7, 12))
mw("mw-noties", c(1.1, 2.3, 0.7, 3.9, 2.8, 1.6, 4.4, 0.2, 3.1, 2.0), c(2.5, 3.3, 4.8, 1.9, 5.6, 3.7, 4.1, 6.2, 2.9, 5.0, 3.45))
mw("mw-neg", c(-1, -3, 0, 2, -2), c(-4, -1, -5, -3, -2, -6))
# exact-branch interval of the shift (no ties): diffs of ranks qwilcox(0.025, nt, nc) and nt*nc - q + 1
x <- c(2.5, 3.3, 4.8, 1.9, 5.6, 3.7, 4.1, 6.2, 2.9, 5.0, 3.45); y <- c(1.1, 2.3, 0.7, 3.9, 2.8, 1.6, 4.4, 0.2, 3.1, 2.0)
we <- wilcox.test(x, y, exact = TRUE, conf.int = TRUE)
cat("mw-exact-ci", f(we$conf.int), "est", f(we$estimate), "qwilcox", qwilcox(0.025, 11, 10), "\n")
# sequential (SequentialTest): Waudby-Smith et al. (2023) asymptotic confidence sequence, N* = 5000
seqcs <- function(d, se, N, Ns = 5000, alpha = 0.05) {
  rho2 <- (-2 * log(alpha) + log(-2 * log(alpha) + 1)) / Ns; s2 <- se^2 * N; nr <- N * rho2 + 1
  hw <- sqrt(s2) * sqrt(2 * nr / (N^2 * rho2) * log(sqrt(nr) / alpha))
  p <- min(1, sqrt(nr) * exp(-d^2 * N^2 * rho2 / (2 * s2 * nr)))
  c(d - hw, d + hw, p)
}
cat("sequential", f(seqcs(3.4 - 3.2, sqrt(9.1 / 4000 + 9.4 / 4100), 8100)), "\n")
# Holm and Bonferroni (HolmBonferroniTest)
p <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, NA, 0.5, NA, 0.049)
cat("holm", f(p.adjust(p, "holm")), "\n"); cat("bonferroni", f(p.adjust(p, "bonferroni")), "\n")
cat("holm2", f(p.adjust(c(0, 1, 0.5, 0.5, 0.5), "holm")), "\n")
# z-test, the worked example of adding a method (example/ZTestTest)
zc <- c(3.1, 4.7, 2.2, 5.9, 4.4, 3.8); zt <- c(5.2, 6.1, 4.9, 7.3, 5.8, 6.6, 4.4)
d <- mean(zt) - mean(zc); se <- sqrt(var(zc)/6 + var(zt)/7)
cat("z-test", f(d + c(-1, 1) * qnorm(0.975) * se), f(2 * pnorm(-abs(d / se))), "\n")
