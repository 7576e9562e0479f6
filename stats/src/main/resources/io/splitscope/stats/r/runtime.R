# Splitscope's R side of the Rserve bridge (io.splitscope.stats.r.RRuntime), evaluated once in each
# Rserve session (connection) by io.splitscope.stats.r.RScripts before any method runs. Base R only.
#
# Each method file is evaluated into its own environment, kept in .splitscope_methods under the
# method's id, so that helper functions of different files never clash. A method is a function
#
#   <id>(control, treatment, variants, level = 0.95)
#
# (level: the two-sided confidence level of the intervals, a fraction; a method without a `level`
# argument runs only at 0.95)
# (see the header of any file in methods/ and the Javadoc of io.splitscope.stats.r) returning a
# named list; .splitscope_call() runs it, turns an R error into status "ERROR" and normalises the
# list into the fixed shape the Java side reads:
#
#   list(status = "OK" | a ResultStatus name | "ERROR", reason = character or NA,
#        values = c(control_value, treatment_value, absolute_effect, absolute_ci_low,
#                   absolute_ci_high, relative_effect, relative_ci_low, relative_ci_high, p_value),
#        extras = named numeric)

.splitscope_methods <- new.env(parent = emptyenv())

# Helpers shared by the method files (one copy of the checks and tests that several methods use):
# a method's environment has the global one as parent, so every method file (a team's too) can
# call them.

# The subject of a degenerate-data reason, from c(control, treatment) flags: "Both variants have",
# "The control has" or "The treatment has".
which_arm <- function(flag) {
  if (all(flag)) "Both variants have" else if (flag[1]) "The control has" else "The treatment has"
}

# The result when a variant has fewer than 2 units, from the sizes n and the means
# c(control, treatment): EMPTY_ARM (no unit) or TOO_FEW_UNITS (one unit: effects, no variance);
# NULL when both have at least 2.
too_few_units <- function(n, means) {
  if (any(n == 0)) {
    return(list(status = "EMPTY_ARM", reason = paste(which_arm(n == 0), "no units, so there is nothing to compare."),
                control_value = means[1], treatment_value = means[2]))
  }
  if (any(n < 2)) {
    d <- means[2] - means[1]
    return(list(status = "TOO_FEW_UNITS",
                reason = paste(which_arm(n < 2), "a single unit; a variance, and so an interval and a p-value, need at least 2."),
                control_value = means[1], treatment_value = means[2], absolute_effect = d,
                relative_effect = if (means[1] != 0) d / means[1] else NA))
  }
  NULL
}

# Welch's unequal-variances t-test from the sizes n (at least 2 each), means and variances v
# (n - 1) of c(control, treatment), at the two-sided confidence `level` (formulas: r_welch_t.R):
# the absolute effect with its interval d -/+ qt((1 + level) / 2, df) se and p-value, the relative
# effect with its delta-method interval, and `extras`; ZERO_VARIANCE when both variances are 0,
# ZERO_BASELINE (no relative effect) when the control mean is 0.
welch_test <- function(n, means, v, level, extras = numeric()) {
  d <- means[2] - means[1]
  r <- if (means[1] != 0) d / means[1] else NA
  if (all(v == 0)) {
    return(list(status = "ZERO_VARIANCE",
                reason = "Every unit of each variant has the same value (zero variance in both), so there is no standard error, interval or p-value.",
                control_value = means[1], treatment_value = means[2], absolute_effect = d, relative_effect = r))
  }
  a <- v / n
  se <- sqrt(sum(a))
  df <- sum(a)^2 / sum(a^2 / (n - 1))
  q <- qt((1 + level) / 2, df)
  out <- list(control_value = means[1], treatment_value = means[2], absolute_effect = d,
              absolute_ci = d + c(-1, 1) * q * se, p_value = 2 * pt(-abs(d / se), df), extras = extras)
  if (means[1] == 0) {
    return(c(out, list(status = "ZERO_BASELINE", reason = "The control mean is 0, so there is no relative effect.")))
  }
  se_r <- sqrt(v[2] / (n[2] * means[1]^2) + means[2]^2 * v[1] / (n[1] * means[1]^4))
  c(out, list(relative_effect = r, relative_ci = r + c(-1, 1) * q * se_r))
}

# Evaluates the source text of method `id` into a fresh environment and checks that it defines a
# function named `id`.
.splitscope_load <- function(id, source) {
  env <- new.env(parent = globalenv())
  eval(parse(text = source, keep.source = FALSE), envir = env)
  if (!exists(id, envir = env, mode = "function", inherits = FALSE)) {
    stop("the R source of method '", id, "' does not define a function named ", id)
  }
  assign(id, env, envir = .splitscope_methods)
  invisible(TRUE)
}

.splitscope_fields <- c("control_value", "treatment_value", "absolute_effect", "absolute_ci_low",
                        "absolute_ci_high", "relative_effect", "relative_ci_low", "relative_ci_high",
                        "p_value")

# Runs method `id` on variants[[control]] vs variants[[treatment]] at confidence `level`; never stops.
.splitscope_call <- function(id, variants, control, treatment, level = 0.95) {
  out <- tryCatch({
    f <- get(id, envir = get(id, envir = .splitscope_methods), mode = "function", inherits = FALSE)
    if ("level" %in% names(formals(f))) {
      f(variants[[control]], variants[[treatment]], variants, level = level)
    } else if (level == 0.95) {
      f(variants[[control]], variants[[treatment]], variants)
    } else {
      stop("the R method ", id, " has no 'level' argument, so it gives 95 % intervals only; add",
           " 'level = 0.95' to its arguments and use it")
    }
  }, error = function(e) structure(list(message = conditionMessage(e)), class = "splitscope_error"))
  if (inherits(out, "splitscope_error")) {
    return(list(status = "ERROR", reason = out$message, values = numeric(), extras = numeric()))
  }
  if (!is.list(out)) {
    return(list(status = "ERROR", reason = paste0("the method returned a ", class(out)[1],
                                                  ", not a named list"),
                values = numeric(), extras = numeric()))
  }
  one <- function(v) if (is.null(v) || length(v) == 0) NA_real_ else as.numeric(v[[1]])
  ci <- function(v) if (is.null(v) || length(v) < 2) c(NA_real_, NA_real_) else as.numeric(v[1:2])
  estimate <- if (is.null(out$absolute_effect)) out$estimate else out$absolute_effect
  values <- c(one(out$control_value), one(out$treatment_value), one(estimate), ci(out$absolute_ci),
              one(out$relative_effect), ci(out$relative_ci), one(out$p_value))
  names(values) <- .splitscope_fields
  extras <- if (is.null(out$extras)) numeric() else unlist(out$extras)
  extras <- if (length(extras)) stats::setNames(as.numeric(extras), names(extras)) else numeric()
  list(status = if (is.null(out$status)) "OK" else as.character(out$status)[1],
       reason = if (is.null(out$reason)) NA_character_ else as.character(out$reason)[1],
       values = values, extras = extras)
}
