# reference.R -- an independent reference implementation (base R only, R 4.2.2) of
# spec/project.md + spec/warehouse.md + spec/metrics.md + spec/scorecard.md for the project
# file splitscope.yaml in this folder. The project file's meaning is hard-coded below (no YAML
# package); keep the two in step. Run from this folder:   Rscript reference.R
#
# Writes expected/checkout_v2.json, expected/banner_test.json, expected/pricing_page.json:
# the scorecard of each experiment with default methods (welch_t for mean and proportion,
# delta_ratio for ratio, bootstrap_quantile for quantile). Every welch_t row is checked against
# R's own t.test(var.equal = FALSE); the script stops if they disagree beyond 1e-12.

options(stringsAsFactors = FALSE)
DAY <- 86400
B_BOOT <- 2000L          # bootstrap replicates (spec: at least 1,000)
BOOT_SEED <- 20260529L   # set once per experiment, before its first quantile row

# ------------------------------------------------------------------ reading the warehouse
read_table <- function(name) {
  # every column as text; an empty field is NULL (NA); "NA" stays a string
  read.csv(file.path("data", paste0(name, ".csv")), colClasses = "character",
           na.strings = "", check.names = FALSE, encoding = "UTF-8")
}
as_ts <- function(x) as.POSIXct(x, tz = "UTC", format = "%Y-%m-%d %H:%M:%S")
as_day <- function(x) as.POSIXct(paste(x, "00:00:00"), tz = "UTC", format = "%Y-%m-%d %H:%M:%S")

assignment_log <- read_table("assignment_log")
orders <- read_table("orders")
page_views <- read_table("page_views")
survey <- read_table("survey")
static_assignment <- read_table("static_assignment")

# sources: a data frame with .unit (the unit id, a string here), .ts (POSIXct or NULL when the
# source has no timestamp) and the source's own columns with their types
src <- list()
src$assignments <- within(assignment_log, { .unit <- user_id; .ts <- as_ts(timestamp) })
src$orders <- within(orders, { .unit <- user_id; .ts <- as_ts(timestamp); amount_cents <- as.numeric(amount_cents) })
# paid_orders (sql:) select user_id, "timestamp" as ts,
#                     cast(amount_cents as double precision) / 100 as amount
#                     from orders where status = 'paid'
po <- orders[!is.na(orders$status) & orders$status == "paid", ]
src$paid_orders <- data.frame(user_id = po$user_id, ts = po$timestamp,
                              amount = as.numeric(po$amount_cents) / 100)
src$paid_orders <- within(src$paid_orders, { .unit <- user_id; .ts <- as_ts(ts) })
src$page_views <- within(page_views, { .unit <- user_id; .ts <- as_ts(viewed_at) })
src$survey <- within(survey, { .unit <- user_id; nps <- as.numeric(nps) })
src$static <- within(static_assignment, { .unit <- user_id })
has_ts <- function(s) ".ts" %in% names(src[[s]])

# SQL semantics used by the expressions below: a comparison with NULL is not true (filter drops
# the row); `case when NULL >= 9 then 1 else 0 end` is 0.
sql_true <- function(x) !is.na(x) & x

# ------------------------------------------------------------------ the metrics (splitscope.yaml)
metrics <- list(
  purchase_rate = list(source = "orders", type = "proportion", window = 14,
                       filter = function(r) sql_true(r$status == "paid")),
  revenue = list(source = "paid_orders", type = "mean", window = 14,
                 value = function(r) r$amount, aggregate = "sum", cap_value = 250),
  orders_per_user = list(source = "orders", type = "mean", window = 14, aggregate = "count"),
  refund_rate = list(source = "orders", type = "ratio", window = 14, direction = "lower",
                     numerator = list(value = function(r) ifelse(sql_true(r$status == "refunded"), 1, 0),
                                      aggregate = "sum"),
                     denominator = list(aggregate = "count")),
  pages_viewed = list(source = "page_views", type = "mean", window = 7,
                      value = function(r) r$page, aggregate = "count_distinct"),
  order_value_p90 = list(source = "paid_orders", type = "quantile", window = 14,
                         value = function(r) r$amount, quantile = 0.9),
  nps = list(source = "survey", type = "mean", value = function(r) r$nps, aggregate = "max"),
  promoter_rate = list(source = "survey", type = "proportion",
                       value = function(r) ifelse(sql_true(r$nps >= 9), 1, 0), aggregate = "max")
)
# the order of the project file: a discovered experiment analyses its metrics in this order
CATALOG_ORDER <- names(metrics)

# ------------------------------------------------------------------ the experiments
assignments <- list(web = list(source = "assignments", experiment = "test", variant = "group"),
                    static = list(source = "static", experiment = NULL, variant = "arm"))
declared <- list(
  checkout_v2 = list(assignment = "web", key = "checkout-v2", control = "control",
                     variants = c(control = 0.5, "one page" = 0.25, "two pages" = 0.25),
                     start = "2026-05-01", end = "2026-05-28",
                     metrics = c("purchase_rate", "revenue", "orders_per_user", "refund_rate",
                                 "pages_viewed", "order_value_p90")),
  pricing_page = list(assignment = "static", key = NULL, control = "A",
                      variants = c(A = 0.5, B = 0.5), start = NULL, end = NULL,
                      metrics = c("nps", "promoter_rate"))
)

assignment_rows <- function(a, key) {
  s <- src[[a$source]]
  if (!is.null(a$experiment)) s <- s[!is.na(s[[a$experiment]]) & s[[a$experiment]] == key, ]
  data.frame(unit = s$.unit, variant = s[[a$variant]],
             ts = if (has_ts(a$source)) s$.ts else as.POSIXct(rep(NA, nrow(s)), tz = "UTC"))
}

# Discovery (project.md): each key of an experiment column that no declared experiment claims.
discover <- function() {
  out <- list()
  for (aid in names(assignments)) {
    a <- assignments[[aid]]
    if (is.null(a$experiment)) next
    keys <- unique(src[[a$source]][[a$experiment]])
    keys <- sort(keys[!is.na(keys)], method = "radix")
    # a declared experiment claims its key, or its id when it has no key
    claimed <- vapply(names(declared), function(d) if (is.null(declared[[d]]$key)) d else declared[[d]]$key, "")
    for (k in setdiff(keys, claimed)) {
      r <- assignment_rows(a, k)
      found <- sort(unique(r$variant[!is.na(r$variant)]), method = "radix")   # code-point order
      control <- if ("control" %in% found) "control" else found[1]
      vs <- c(control, setdiff(found, control))          # decision: control first, then code points
      valid <- r[!is.na(r$variant), ]                     # decision: dates over rows with a variant
      dates <- format(valid$ts, "%Y-%m-%d", tz = "UTC")
      # decision: every metric whose source has the assignment's unit type (all are strings
      # here), windowed or not, in the order of the project file
      out[[k]] <- list(assignment = aid, key = k, control = control,
                       variants = setNames(rep(1 / length(vs), length(vs)), vs),
                       start = min(dates), end = max(dates), metrics = CATALOG_ORDER)
    }
  }
  out
}

# ------------------------------------------------------------------ population (warehouse.md)
population <- function(e) {
  a <- assignments[[e$assignment]]
  r <- assignment_rows(a, if (is.null(e$key)) NULL else e$key)
  timed <- has_ts(a$source)
  if (timed) {
    lo <- as_day(e$start); hi <- as_day(e$end) + DAY
    r <- r[!is.na(r$ts) & r$ts >= lo & r$ts < hi, ]                      # 1. the period
  }
  ok <- !is.na(r$variant) & r$variant %in% names(e$variants)
  invalid <- sum(!ok)                                                    # 2. invalid exposures
  r <- r[ok, ]
  nv <- tapply(r$variant, r$unit, function(v) length(unique(v)))
  cross <- names(nv)[nv > 1]                                             # 3. crossovers
  r <- r[!(r$unit %in% cross), ]
  units <- sort(unique(r$unit), method = "radix")                        # 4. the population
  pop <- data.frame(unit = units, variant = r$variant[match(units, r$unit)])
  pop$fe <- if (timed) as.POSIXct(tapply(as.numeric(r$ts), r$unit, min)[units],
                                  origin = "1970-01-01", tz = "UTC") else as.POSIXct(NA, tz = "UTC")
  list(pop = pop, crossover = length(cross), invalid = invalid, timed = timed,
       analysis_end = if (timed) as_day(e$end) + DAY else NULL)
}

# ------------------------------------------------------------------ per-unit values
aggregate_rows <- function(units, row_unit, v, how) {
  # per-unit aggregate over the rows; NULL values ignored; no rows or only NULLs -> 0
  out <- setNames(rep(0, length(units)), units)
  if (how == "count") {
    t <- table(factor(row_unit, levels = units)); out[] <- as.numeric(t); return(out)
  }
  keep <- !is.na(v); row_unit <- row_unit[keep]; v <- v[keep]
  if (length(v) == 0) return(out)
  f <- switch(how, sum = sum, max = max, min = min,
              count_distinct = function(x) length(unique(x)))
  agg <- tapply(v, row_unit, f)
  agg <- agg[names(agg) %in% units]
  out[names(agg)] <- as.numeric(agg)
  out
}

metric_rows <- function(m, P) {
  # the source rows of the analysed units that pass the filter (and lie in the window)
  s <- src[[m$source]]
  if (!is.null(m$filter)) s <- s[m$filter(s), ]
  pop <- P$pop
  if (!is.null(m$window)) {
    stopifnot(P$timed, has_ts(m$source))
    W <- m$window * DAY
    eligible <- pop$fe + W <= P$analysis_end
    pop <- pop[eligible, ]
    fe <- pop$fe[match(s$.unit, pop$unit)]
    s <- s[!is.na(fe) & !is.na(s$.ts) & s$.ts >= fe & s$.ts < fe + W, ]
  } else {
    stopifnot(!has_ts(m$source))   # a metric without window over a source without timestamp
    s <- s[s$.unit %in% pop$unit, ]
  }
  list(pop = pop, rows = s, incomplete = nrow(P$pop) - nrow(pop))
}

unit_values <- function(m, mr) {
  u <- mr$pop$unit; r <- mr$rows
  if (m$type == "mean") {
    v <- if (m$aggregate == "count") NULL else m$value(r)
    y <- aggregate_rows(u, r$.unit, v, m$aggregate)
    if (!is.null(m$cap_value)) y <- pmin(y, m$cap_value)
    return(list(y = y))
  }
  if (m$type == "proportion") {
    if (is.null(m$value)) {
      y <- as.numeric(aggregate_rows(u, r$.unit, NULL, "count") > 0)
    } else {
      y <- as.numeric(aggregate_rows(u, r$.unit, m$value(r), m$aggregate) > 0)
    }
    return(list(y = setNames(y, u)))
  }
  if (m$type == "ratio") {
    nv <- if (m$numerator$aggregate == "count") NULL else m$numerator$value(r)
    dv <- if (m$denominator$aggregate == "count") NULL else m$denominator$value(r)
    return(list(num = aggregate_rows(u, r$.unit, nv, m$numerator$aggregate),
                den = aggregate_rows(u, r$.unit, dv, m$denominator$aggregate)))
  }
  stop("unit_values: ", m$type)
}

# ------------------------------------------------------------------ methods (metrics.md)
welch <- function(yc, yt) {
  nc <- length(yc); nt <- length(yt)
  mc <- mean(yc); mt <- mean(yt); vc <- var(yc); vt <- var(yt)
  d <- mt - mc
  se <- sqrt(vc / nc + vt / nt)
  df <- (vc / nc + vt / nt)^2 / ((vc / nc)^2 / (nc - 1) + (vt / nt)^2 / (nt - 1))
  q <- qt(0.975, df)
  p <- 2 * pt(-abs(d / se), df)
  res <- list(control_value = mc, treatment_value = mt, absolute_effect = d,
              absolute_ci_low = d - q * se, absolute_ci_high = d + q * se,
              relative_effect = NA, relative_ci_low = NA, relative_ci_high = NA, p_value = p)
  if (mc != 0) {
    r <- d / mc
    se_r <- sqrt(vt / (nt * mc^2) + mt^2 * vc / (nc * mc^4))
    res$relative_effect <- r
    res$relative_ci_low <- r - q * se_r
    res$relative_ci_high <- r + q * se_r
  }
  # cross-check against R's own Welch test
  tt <- t.test(yt, yc, var.equal = FALSE)
  scale <- abs(d) + se
  near <- function(a, b) abs(a - b) <= 1e-12 * max(abs(a), abs(b), scale)
  if (!(near(unname(tt$estimate[1] - tt$estimate[2]), d) && near(tt$conf.int[1], d - q * se) &&
        near(tt$conf.int[2], d + q * se) && abs(tt$p.value - p) <= 1e-12 &&
        abs(unname(tt$parameter) - df) <= 1e-12 * df))
    stop("welch_t disagrees with t.test")
  res
}

delta_ratio <- function(nc_, dc_, nt_, dt_) {
  z <- qnorm(0.975)
  part <- function(N, D) {
    n <- length(N); mN <- mean(N); mD <- mean(D)
    v <- (var(N) / mD^2 - 2 * mN * cov(N, D) / mD^3 + mN^2 * var(D) / mD^4) / n
    list(R = mN / mD, v = v)
  }
  c_ <- part(nc_, dc_); t_ <- part(nt_, dt_)
  d <- t_$R - c_$R
  se <- sqrt(t_$v + c_$v)
  r <- d / c_$R
  se_r <- sqrt(t_$v / c_$R^2 + t_$R^2 * c_$v / c_$R^4)
  list(control_value = c_$R, treatment_value = t_$R, absolute_effect = d,
       absolute_ci_low = d - z * se, absolute_ci_high = d + z * se,
       relative_effect = r, relative_ci_low = r - z * se_r, relative_ci_high = r + z * se_r,
       p_value = 2 * pnorm(-abs(d / se)))
}

q7 <- function(x, p) unname(quantile(x, p, type = 7, names = FALSE))

bootstrap_quantile <- function(m, rows_c, units_c, rows_t, units_t) {
  # point values: the exact type-7 percentile over the rows (NULL values ignored)
  vc <- m$value(rows_c); vt <- m$value(rows_t)
  keep_c <- !is.na(vc); keep_t <- !is.na(vt)
  by_c <- split(vc[keep_c], factor(rows_c$.unit[keep_c], levels = units_c))
  by_t <- split(vt[keep_t], factor(rows_t$.unit[keep_t], levels = units_t))
  qc <- q7(vc[keep_c], m$quantile); qt_ <- q7(vt[keep_t], m$quantile)
  d <- qt_ - qc
  # resample units (all their rows together) within each variant
  bd <- numeric(B_BOOT)
  for (b in seq_len(B_BOOT)) {
    xc <- unlist(by_c[sample.int(length(by_c), replace = TRUE)], use.names = FALSE)
    xt <- unlist(by_t[sample.int(length(by_t), replace = TRUE)], use.names = FALSE)
    bd[b] <- (if (length(xt)) q7(xt, m$quantile) else NA) - (if (length(xc)) q7(xc, m$quantile) else NA)
  }
  bd <- bd[!is.na(bd)]
  ci <- unname(quantile(bd, c(0.025, 0.975), type = 7))
  p <- min(1, 2 * min(mean(bd <= 0), mean(bd >= 0)))
  p <- max(p, 1 / length(bd))
  list(control_value = qc, treatment_value = qt_, absolute_effect = d,
       absolute_ci_low = ci[1], absolute_ci_high = ci[2],
       relative_effect = if (qc != 0) d / qc else NA,
       relative_ci_low = NA, relative_ci_high = NA,     # as in golden/streaming-small
       p_value = p)
}

# ------------------------------------------------------------------ the scorecard
scorecard <- function(id, e) {
  P <- population(e)
  vs <- names(e$variants)
  counts <- vapply(vs, function(v) sum(P$pop$variant == v), 0)
  expct <- e$variants * sum(counts)
  chi <- sum((counts - expct)^2 / expct)
  srm_p <- pchisq(chi, df = length(vs) - 1, lower.tail = FALSE)
  set.seed(BOOT_SEED)
  results <- list()
  for (mid in e$metrics) {
    m <- metrics[[mid]]
    mr <- metric_rows(m, P)
    grp <- mr$pop$variant
    method <- switch(m$type, mean = "welch_t", proportion = "welch_t", ratio = "delta_ratio",
                     quantile = "bootstrap_quantile")
    uv <- if (m$type != "quantile") unit_values(m, mr) else NULL
    for (v in setdiff(vs, e$control)) {
      ic <- grp == e$control; it <- grp == v
      res <- switch(method,
        welch_t = welch(unname(uv$y[ic]), unname(uv$y[it])),
        delta_ratio = delta_ratio(unname(uv$num[ic]), unname(uv$den[ic]),
                                  unname(uv$num[it]), unname(uv$den[it])),
        bootstrap_quantile = {
          uc <- mr$pop$unit[ic]; ut <- mr$pop$unit[it]
          bootstrap_quantile(m, mr$rows[mr$rows$.unit %in% uc, ], uc,
                             mr$rows[mr$rows$.unit %in% ut, ], ut)
        })
      results[[length(results) + 1]] <- c(list(metric = mid, type = m$type, variant = v,
                                               n_control = sum(ic), n_treatment = sum(it),
                                               incomplete_units = mr$incomplete, method = method),
                                          res)
    }
  }
  ps <- vapply(results, function(r) r$p_value, 0)
  adj <- rep(NA_real_, length(ps))
  adj[!is.na(ps)] <- p.adjust(ps[!is.na(ps)], method = "BH")
  for (i in seq_along(results)) results[[i]]$p_value_adjusted <- adj[i]
  list(id = id, control = e$control, start = e$start, end = e$end, counts = counts,
       crossover = P$crossover, invalid = P$invalid, weights = e$variants,
       chi = chi, srm_p = srm_p, results = results)
}

# ------------------------------------------------------------------ JSON
num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x) || !is.finite(x)) "null" else sprintf("%.17g", x)
int <- function(x) sprintf("%d", as.integer(x))
jstr <- function(x) if (is.null(x)) "null" else paste0("\"", gsub("([\"\\\\])", "\\\\\\1", x), "\"")
obj <- function(keys, vals) paste0("{", paste0(jstr(keys), ": ", vals, collapse = ", "), "}")

to_json <- function(S) {
  row_keys <- c("control_value", "treatment_value", "absolute_effect", "absolute_ci_low",
                "absolute_ci_high", "relative_effect", "relative_ci_low", "relative_ci_high",
                "p_value", "p_value_adjusted")
  rows <- vapply(S$results, function(r) {
    paste0("    ", obj(c("metric", "type", "variant", "n_control", "n_treatment", "incomplete_units",
                         "method", row_keys),
                       c(jstr(r$metric), jstr(r$type), jstr(r$variant), int(r$n_control),
                         int(r$n_treatment), int(r$incomplete_units), jstr(r$method),
                         vapply(row_keys, function(k) num(r[[k]]), ""))))
  }, "")
  vs <- names(S$counts)
  paste0("{\n",
         "  \"experiment_id\": ", jstr(S$id), ",\n",
         "  \"control_variant\": ", jstr(S$control), ",\n",
         "  \"start_date\": ", jstr(S$start), ", \"end_date\": ", jstr(S$end), ",\n",
         "  \"population\": ", obj(c("units", "crossover_units", "invalid_exposures"),
                                  c(obj(vs, int(S$counts)), int(S$crossover), int(S$invalid))), ",\n",
         "  \"srm\": ", obj(c("chi_square", "p_value", "mismatch", "expected_share"),
                           c(num(S$chi), num(S$srm_p), if (S$srm_p < 0.001) "true" else "false",
                             obj(vs, vapply(S$weights, num, "")))), ",\n",
         "  \"results\": [\n", paste(rows, collapse = ",\n"), "\n  ]\n}\n")
}

experiments <- c(declared, discover())
dir.create("expected", showWarnings = FALSE)
for (id in names(experiments)) {
  S <- scorecard(id, experiments[[id]])
  writeLines(to_json(S), file.path("expected", paste0(id, ".json")), sep = "")
  cat(sprintf("%-13s %-24s units %s; crossover %d; invalid %d; %d rows\n", id,
              paste0(S$start, "..", S$end), paste(names(S$counts), S$counts, sep = "=", collapse = ", "),
              S$crossover, S$invalid, length(S$results)))
}
cat("every welch_t row agrees with t.test(var.equal = FALSE) within 1e-12\n")
