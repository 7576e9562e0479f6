# Reference values of the worked example r_z_test (RWorkedExampleTest), with base R only (R 4.2.2):
# the z-test of the difference in means computed from the unit values with mean(), var(), qnorm(), pnorm().
# Usage: Rscript r-worked-example.R
yc <- c(3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 5.1, 2.9)
yt <- c(4.2, 5.5, 3.9, 6.8, 5.0, 4.9, 6.1, 3.7, 5.6)
options(digits = 17)
d <- mean(yt) - mean(yc); se <- sqrt(var(yc) / length(yc) + var(yt) / length(yt)); z <- qnorm(0.975)
mc <- mean(yc); mt <- mean(yt)
ser <- sqrt(var(yt) / (length(yt) * mc^2) + mt^2 * var(yc) / (length(yc) * mc^4))
cat(sprintf("%.17g", c(mc, mt, d, d - z * se, d + z * se, d / mc, d / mc - z * ser, d / mc + z * ser, 2 * pnorm(-abs(d / se)), d / se)), sep = ", ")
cat("\n")
