# The example project's numbers by hand (R 4.2.2, base R): the README's worked example shows them.
# Each user's orders paid in the 7 days after their first assignment (u05's order is 17 days later,
# u12's is cancelled, u03's second is refunded).
conversion_control <- c(1, 0, 1, 0, 0, 0)    # u01..u06
conversion_treatment <- c(1, 1, 0, 1, 1, 0)  # u07..u12
revenue_control <- c(30, 0, 45.5, 0, 0, 0)
revenue_treatment <- c(25, 75, 0, 40, 55, 0)
print(t.test(conversion_treatment, conversion_control, var.equal = FALSE), digits = 17)
print(t.test(revenue_treatment, revenue_control, var.equal = FALSE), digits = 17)
