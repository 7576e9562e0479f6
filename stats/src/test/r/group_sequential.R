# Lan-DeMets one-sided boundaries computed independently of GroupSequential.java:
# each c_k solves P(Z_1 < c_1, ..., Z_{k-1} < c_{k-1}, Z_k >= c_k) = alpha(t_k) - alpha(t_{k-1})
# with corr(Z_i, Z_j) = sqrt(t_i / t_j), the probability by mvtnorm::pmvnorm (Miwa's algorithm,
# deterministic, absolute error about 1e-12 here) and uniroot. R 4.2.2, mvtnorm 1.1-3.
# Run: Rscript stats/src/test/r/group_sequential.R
library(mvtnorm)
spend <- function(t, alpha, type) {
  if (type == "OBF") 2 * pnorm(-qnorm(1 - alpha / 2) / sqrt(t)) else alpha * log(1 + (exp(1) - 1) * t)
}
bounds <- function(K, alpha, type) {
  t <- (1:K) / K
  c <- numeric(K)
  prev <- 0
  for (k in 1:K) {
    target <- spend(t[k], alpha, type) - prev
    if (k == 1) {
      c[1] <- qnorm(target, lower.tail = FALSE)
    } else {
      S <- outer(t[1:k], t[1:k], function(a, b) sqrt(pmin(a, b) / pmax(a, b)))
      f <- function(ck) {
        stay <- if (k == 2) pnorm(c[1]) else
          pmvnorm(upper = c[1:(k - 1)], corr = S[1:(k - 1), 1:(k - 1)], algorithm = Miwa(steps = 4096))
        both <- pmvnorm(upper = c(c[1:(k - 1)], ck), corr = S, algorithm = Miwa(steps = 4096))
        (stay - both) - target
      }
      c[k] <- uniroot(f, c(0.5, 8), tol = 1e-12)$root
    }
    prev <- spend(t[k], alpha, type)
  }
  c
}
options(digits = 10)
cat("OBF K=5 alpha=0.025:   ", format(bounds(5, 0.025, "OBF"), digits = 10), "\n")
cat("Pocock K=5 alpha=0.025:", format(bounds(5, 0.025, "Pocock"), digits = 10), "\n")
cat("OBF K=4 alpha=0.05:    ", format(bounds(4, 0.05, "OBF"), digits = 10), "\n")
cat("Pocock K=3 alpha=0.05: ", format(bounds(3, 0.05, "Pocock"), digits = 10), "\n")
