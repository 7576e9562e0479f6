# Expected values of PowerTest (R 4.2.2): power.t.test and power.prop.test (two-sided, two-sample,
# strict = FALSE, the defaults), solved quantities with tol = 1e-13 instead of the default 1.2e-4.
options(digits = 17)
f <- function(v) sprintf("%.17g", v)
cat("t power", f(power.t.test(n = 20, delta = 1, sd = 1)$power), f(power.t.test(n = 100, delta = 0.3, sd = 1.5)$power),
    f(power.t.test(n = 5000, delta = 0.05, sd = 1, sig.level = 0.01)$power), f(power.t.test(n = 3, delta = 2, sd = 1)$power), "\n")
cat("t n", f(power.t.test(delta = 1, sd = 1, power = 0.9, tol = 1e-13)$n),
    f(power.t.test(delta = 0.1, sd = 2, power = 0.8, tol = 1e-13)$n), "\n")
cat("t delta", f(power.t.test(n = 50, sd = 1, power = 0.8, tol = 1e-13)$delta),
    f(power.t.test(n = 20000, sd = 3.1, power = 0.9, sig.level = 0.01, tol = 1e-13)$delta), "\n")
cat("pt ncp", f(pt(2.1, 10, ncp = 1.5)), f(pt(-1, 7.5, ncp = 0.5)), f(pt(3, 200, ncp = 2.5, lower.tail = FALSE)),
    f(pt(1.96, 1e6, ncp = 3)), "\n")
cat("prop power", f(power.prop.test(n = 50, p1 = 0.5, p2 = 0.75)$power),
    f(power.prop.test(n = 10000, p1 = 0.1, p2 = 0.11)$power), "\n")
cat("prop n", f(power.prop.test(p1 = 0.5, p2 = 0.75, power = 0.9, tol = 1e-13)$n),
    f(power.prop.test(p1 = 0.12, p2 = 0.13, power = 0.8, tol = 1e-13)$n), "\n")
cat("prop p2", f(power.prop.test(n = 10000, p1 = 0.1, power = 0.8, tol = 1e-13)$p2), "\n")
