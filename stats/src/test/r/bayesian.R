# Expected values of BayesianTest (R 4.2.2): beta-binomial posteriors Beta(1 + s, 1 + n - s) with
# integrate(rel.tol = 1e-13) and uniroot(tol = 1e-15), and the normal model in closed form.
options(digits = 17)
f <- function(v) sprintf("%.17g", v)
I <- function(g, lo = 0, hi = 1) integrate(g, lo, hi, rel.tol = 1e-13, subdivisions = 10000L)$value
beta_ab <- function(name, sc, nc, st, nt) {
  ac <- 1 + sc; bc <- 1 + nc - sc; at <- 1 + st; bt <- 1 + nt - st
  # integrate over a window of +-15 SD around each posterior (the mass; integrate() misses narrow peaks on [0, 1])
  win <- function(a, b) { m <- a / (a + b); s <- sqrt(a * b / ((a + b)^2 * (a + b + 1))); c(max(0, m - 15 * s), min(1, m + 15 * s)) }
  wc <- win(ac, bc); wt <- win(at, bt)
  chance <- I(function(x) dbeta(x, ac, bc) * pbeta(x, at, bt, lower.tail = FALSE), wc[1], wc[2])
  mc <- ac / (ac + bc); mt <- at / (at + bt)
  loss_t <- I(function(y) dbeta(y, at, bt) * (mc * pbeta(y, ac + 1, bc, lower.tail = FALSE) - y * pbeta(y, ac, bc, lower.tail = FALSE)), wt[1], wt[2])
  loss_c <- I(function(x) dbeta(x, ac, bc) * (mt * pbeta(x, at + 1, bt, lower.tail = FALSE) - x * pbeta(x, at, bt, lower.tail = FALSE)), wc[1], wc[2])
  dcdf <- function(d) I(function(x) dbeta(x, ac, bc) * pbeta(x + d, at, bt), wc[1], wc[2])
  rcdf <- function(r) I(function(x) dbeta(x, ac, bc) * pbeta((1 + r) * x, at, bt), wc[1], wc[2])
  q <- function(cdf, p, lo, hi) uniroot(function(v) cdf(v) - p, c(lo, hi), tol = 1e-15)$root
  cat(name, "\n  chance", f(chance), "loss_treatment", f(loss_t), "loss_control", f(loss_c),
      "\n  ci", f(q(dcdf, 0.025, -1, 1)), f(q(dcdf, 0.975, -1, 1)),
      "\n  rci", f(q(rcdf, 0.025, -0.999, 50)), f(q(rcdf, 0.975, -0.999, 50)), "\n")
}
beta_ab("beta small", 49, 100, 51, 100)
beta_ab("beta medium", 120, 1000, 150, 1000)
beta_ab("beta unequal", 30, 400, 210, 2000)
# normal model, GrowthBook's fixture inputs: control sum 100, sum_squares 1002.25, n 10; treatment 105, 1111.5, 10
nc <- 10; mc <- 10; vc <- (1002.25 - 100^2/10) / 9; nt <- 10; mt <- 10.5; vt <- (1111.5 - 105^2/10) / 9
d <- mt - mc; se <- sqrt(vc/nc + vt/nt)
cat("normal chance", f(pnorm(d / se)), "loss_treatment", f(se * dnorm(d / se) - d * pnorm(-d / se)),
    "loss_control", f(se * dnorm(d / se) + d * pnorm(d / se)), "ci", f(d - qnorm(0.975) * se), f(d + qnorm(0.975) * se), "\n")
