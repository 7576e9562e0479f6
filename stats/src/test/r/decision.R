# One-sided tests of the decision rule (DecisionRuleAgainstRTest.java) against R's t.test (Welch).
# The rule's test at one-sided level a is the bound of welch_t's two-sided interval at 1 - 2a;
# R's one-sided t.test at conf.level = 1 - a gives the same bound and the one-sided p-value.
# Run: Rscript stats/src/test/r/decision.R   (R 4.2.2)
options(digits = 17)
revenue_control   <- c(10.2, 11.5, 9.8, 12.1, 10.9, 11.3, 10.4, 12.6, 9.5, 11.0, 10.7, 11.8)
revenue_treatment <- c(12.4, 11.9, 13.1, 12.2, 11.6, 13.5, 12.8, 11.4, 12.9, 13.0)
latency_control   <- c(201, 195, 210, 188, 205, 199, 192, 207, 198, 203, 196, 201, 194, 209)
latency_treatment <- c(200, 197, 206, 190, 204, 201, 195, 205, 199, 202, 198, 200, 196, 207, 193)
alpha <- 0.05
show <- function(name, t) cat(name, ": p =", format(t$p.value, digits = 17), " conf.int =",
                              format(t$conf.int, digits = 17), "\n")
# S = 1 success (revenue, higher is better), G = 1 guardrail (latency, lower is better, margin +0.5 absolute), A = 2
show("revenue superiority at alpha/2",
     t.test(revenue_treatment, revenue_control, alternative = "greater", mu = 0, conf.level = 1 - alpha / 2))
show("revenue deterioration at alpha/4",
     t.test(revenue_treatment, revenue_control, alternative = "less", mu = 0, conf.level = 1 - alpha / 4))
show("latency non-inferiority (margin +0.5) at alpha",
     t.test(latency_treatment, latency_control, alternative = "less", mu = 0.5, conf.level = 1 - alpha))
show("latency non-inferiority (margin +4) at alpha",
     t.test(latency_treatment, latency_control, alternative = "less", mu = 4, conf.level = 1 - alpha))
show("latency deterioration at alpha/4",
     t.test(latency_treatment, latency_control, alternative = "greater", mu = 0, conf.level = 1 - alpha / 4))
# S = 3 successes, A = 1: superiority at alpha/3, not a one-decimal percentage (conf.level 0.98333...)
show("revenue superiority at alpha/3",
     t.test(revenue_treatment, revenue_control, alternative = "greater", mu = 0, conf.level = 1 - alpha / 3))
# The plan (power 0.8, mde 5 %, G = 1, so each test at power 1 - 0.2/2 = 0.9): se_now = 95 % half-width / qnorm(0.975)
# at n_now = min(12, 10) = 10 (revenue) and min(14, 15) = 14 (latency); n = n_now (se_now / se_needed)^2
se_now <- function(t, c) { ci <- t.test(t, c)$conf.int; (ci[2] - ci[1]) / 2 / qnorm(0.975) }
power_each <- 1 - 0.2 / 2
n_revenue <- 10 * (se_now(revenue_treatment, revenue_control) /
                   (0.05 * mean(revenue_control) / (qnorm(1 - alpha / 2) + qnorm(power_each))))^2
n_latency4 <- 14 * (se_now(latency_treatment, latency_control) / (4 / (qnorm(1 - alpha) + qnorm(power_each))))^2
cat("plan: revenue", n_revenue, " latency (margin +4)", n_latency4, " planned units", ceiling(max(n_revenue, n_latency4)), "\n")
# The reason line of revenue shows welch_t's relative effect and delta-method interval at 1 - 2a = 97.5 %
# (WelchT.java): r = d / mean_c, se_r^2 = s2_t/(n_t mean_c^2) + mean_t^2 s2_c/(n_c mean_c^4), r -/+ qt(1 - a, df) se_r
relative_ci <- function(t, c, a) {
  mc <- mean(c); mt <- mean(t); vc <- var(c) / length(c); vt <- var(t) / length(t)
  df <- (vc + vt)^2 / (vc^2 / (length(c) - 1) + vt^2 / (length(t) - 1))
  r <- (mt - mc) / mc; se_r <- sqrt(vt / mc^2 + mt^2 * vc / mc^4)
  100 * c(r, r - qt(1 - a, df) * se_r, r + qt(1 - a, df) * se_r)
}
cat("revenue relative effect and interval at 97.5 % (percent):", relative_ci(revenue_treatment, revenue_control, alpha / 2), "\n")
cat("latency absolute effect:", mean(latency_treatment) - mean(latency_control), "\n")
