# CUPED with a unit-level covariate by hand (R 4.2.2, base R), spec/metrics.md "cuped":
# theta = cov(y, x) / var(x) over all units, variants pooled; y_adj = y - theta (x - mean(x));
# then Welch's t on y_adj. y: paid order amounts in the 7 days after first assignment; x: last
# year's spend from users.csv, 0 where it is empty (u04) or the user has no row (u12).
y_c <- c(30, 0, 45.5, 0, 0, 0); x_c <- c(120, 10, 200, 0, 35, 0)    # u01..u06
y_t <- c(25, 75, 0, 40, 55, 0); x_t <- c(80, 150, 5, 95, 170, 0)    # u07..u12
y <- c(y_c, y_t); x <- c(x_c, x_t)
theta <- cov(y, x) / var(x)
adj_c <- y_c - theta * (x_c - mean(x)); adj_t <- y_t - theta * (x_t - mean(x))
cat(sprintf("theta %.17g\n", theta))
cat(sprintf("control %.17g treatment %.17g\n", mean(adj_c), mean(adj_t)))
r <- t.test(adj_t, adj_c, var.equal = FALSE)
cat(sprintf("p %.17g ci %.17g %.17g\n", r$p.value, r$conf.int[1], r$conf.int[2]))
