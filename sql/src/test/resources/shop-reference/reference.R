# reference.R -- independent reference scorecards (base R only) for the shop that
# `splitscope generate --shop` writes, read through the project file the generator writes beside
# it. Implements spec/project.md + warehouse.md + metrics.md + metric-types.md (percentile cap)
# + scorecard.md from the specs alone; the meaning of splitscope.yaml is hard-coded below (no
# YAML package): change both together.
#
#   Rscript reference.R SHOP_FOLDER     # a CSV shop: users.csv, assignments.csv, orders.csv, page_views.csv
#
# Writes expected/<experiment>.json: the scorecard of each experiment with default methods
# (welch_t for mean and proportion, delta_ratio for ratio, bootstrap_quantile for quantile), plus a
# "provenance" object. Every welch_t row is checked against R's own t.test(var.equal = FALSE).

options(stringsAsFactors = FALSE)
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript reference.R SHOP_FOLDER")
shop <- args[1]
DAY <- 86400
B_BOOT <- 2000L          # bootstrap replicates (spec: at least 1,000)
BOOT_SEED <- 20260601L   # set once per experiment, before its first quantile row

read_table <- function(name) {
  read.csv(file.path(shop, paste0(name, ".csv")), colClasses = "character", na.strings = "",
           check.names = FALSE, encoding = "UTF-8")
}
ts <- function(x) as.POSIXct(x, tz = "UTC", format = "%Y-%m-%d %H:%M:%S")
day0 <- function(d) as.POSIXct(paste(d, "00:00:00"), tz = "UTC", format = "%Y-%m-%d %H:%M:%S")

assignments <- read_table("assignments")
assignments$t <- ts(assignments$assigned_at)
orders <- read_table("orders")
orders$t <- ts(orders$created_at)
orders$amount <- as.numeric(orders$amount_cents) / 100
page_views <- read_table("page_views")
page_views$t <- ts(page_views$viewed_at)

is_paid <- !is.na(orders$status) & orders$status == "paid"
is_refunded <- !is.na(orders$status) & orders$status == "refunded"

# splitscope.yaml, metrics: rows (the source after its filter), how a unit's value is made
metrics <- list(
  conversion = list(type = "proportion", window = 14, rows = orders[is_paid, ], value = NULL),
  revenue = list(type = "mean", window = 14, rows = orders[is_paid, ], value = "amount", aggregate = "sum",
                 cap_quantile = 0.99),
  orders_per_user = list(type = "mean", window = 14, rows = orders, value = NULL, aggregate = "count"),
  refund_rate = list(type = "ratio", window = 14, rows = transform(orders, refunded = as.numeric(is_refunded))),
  order_value_p50 = list(type = "quantile", window = 14, rows = orders[is_paid, ], value = "amount", quantile = 0.5),
  pages_viewed = list(type = "mean", window = 7, rows = page_views, value = "page", aggregate = "count_distinct")
)
all_metrics <- names(metrics)

# splitscope.yaml, experiments (the assignment `web`: experiment column experiment_name, variant bucket)
experiments <- list(
  new_checkout = list(key = "checkout-redesign-2026", control = "control",
                      variants = c(control = 0.5, "new checkout" = 0.5), start = "2026-05-04", end = "2026-05-31"),
  free_shipping = list(key = "free-shipping-banner", control = "control",
                       variants = c(control = 0.5, banner = 0.25, "free shipping over 50" = 0.25),
                       start = "2026-05-11", end = "2026-06-07"),
  recommendations = list(key = "recs-v2", control = "control", variants = c(control = 0.5, personalised = 0.5),
                         start = "2026-05-18", end = "2026-06-14")
)

# warehouse.md, "The analysed population"
population <- function(e) {
  r <- assignments[assignments$experiment_name == e$key, ]
  lo <- day0(e$start); hi <- day0(e$end) + DAY
  r <- r[!is.na(r$t) & r$t >= lo & r$t < hi, ]                  # 1. the period
  ok <- !is.na(r$bucket) & r$bucket %in% names(e$variants)
  invalid <- sum(!ok)                                            # 2. unknown or NULL bucket
  r <- r[ok, ]
  n_buckets <- tapply(r$bucket, r$user_key, function(b) length(unique(b)))
  crossovers <- names(n_buckets)[n_buckets > 1]                  # 3. crossovers
  r <- r[!(r$user_key %in% crossovers), ]
  units <- sort(unique(r$user_key), method = "radix")            # 4. the population
  first <- tapply(as.numeric(r$t), r$user_key, min)[units]
  list(pop = data.frame(unit = units, variant = r$bucket[match(units, r$user_key)],
                        fe = as.POSIXct(first, origin = "1970-01-01", tz = "UTC")),
       crossovers = length(crossovers), invalid = invalid, analysis_end = hi)
}

# the rows of the metric in the windows of the eligible units, and those units
windowed <- function(m, P) {
  W <- m$window * DAY
  pop <- P$pop[P$pop$fe + W <= P$analysis_end, ]
  rows <- m$rows
  fe <- pop$fe[match(rows$user_key, pop$unit)]
  rows <- rows[!is.na(fe) & !is.na(rows$t) & rows$t >= fe & rows$t < fe + W, ]
  list(pop = pop, rows = rows, incomplete = nrow(P$pop) - nrow(pop))
}

per_unit <- function(units, row_units, values, how) {
  out <- setNames(rep(0, length(units)), units)
  if (how == "count") { out[] <- as.numeric(table(factor(row_units, levels = units))); return(out) }
  keep <- !is.na(values)
  if (!any(keep)) return(out)
  f <- switch(how, sum = sum, count_distinct = function(x) length(unique(x)))
  agg <- tapply(values[keep], row_units[keep], f)
  out[names(agg)] <- as.numeric(agg)
  out
}

q7 <- function(x, p) unname(quantile(x, p, type = 7, names = FALSE))

welch <- function(yc, yt) {
  nc <- length(yc); nt <- length(yt); mc <- mean(yc); mt <- mean(yt); vc <- var(yc); vt <- var(yt)
  d <- mt - mc; se <- sqrt(vc / nc + vt / nt)
  df <- (vc / nc + vt / nt)^2 / ((vc / nc)^2 / (nc - 1) + (vt / nt)^2 / (nt - 1))
  q <- qt(0.975, df); p <- 2 * pt(-abs(d / se), df)
  out <- list(control_value = mc, treatment_value = mt, absolute_effect = d, absolute_ci_low = d - q * se,
              absolute_ci_high = d + q * se, relative_effect = NA, relative_ci_low = NA, relative_ci_high = NA,
              p_value = p)
  if (mc != 0) {
    se_r <- sqrt(vt / (nt * mc^2) + mt^2 * vc / (nc * mc^4))
    out$relative_effect <- d / mc
    out$relative_ci_low <- d / mc - q * se_r
    out$relative_ci_high <- d / mc + q * se_r
  }
  tt <- t.test(yt, yc, var.equal = FALSE)
  tol <- 1e-12 * (abs(d) + se)
  if (abs(tt$conf.int[1] - (d - q * se)) > tol || abs(tt$conf.int[2] - (d + q * se)) > tol ||
      abs(tt$p.value - p) > 1e-12) stop("welch_t disagrees with t.test")
  out
}

delta_ratio <- function(Nc, Dc, Nt, Dt) {
  arm <- function(N, D) {
    mN <- mean(N); mD <- mean(D)
    list(R = mN / mD, v = (var(N) / mD^2 - 2 * mN * cov(N, D) / mD^3 + mN^2 * var(D) / mD^4) / length(N))
  }
  c_ <- arm(Nc, Dc); t_ <- arm(Nt, Dt); z <- qnorm(0.975)
  d <- t_$R - c_$R; se <- sqrt(t_$v + c_$v)
  r <- d / c_$R; se_r <- sqrt(t_$v / c_$R^2 + t_$R^2 * c_$v / c_$R^4)
  list(control_value = c_$R, treatment_value = t_$R, absolute_effect = d, absolute_ci_low = d - z * se,
       absolute_ci_high = d + z * se, relative_effect = r, relative_ci_low = r - z * se_r,
       relative_ci_high = r + z * se_r, p_value = 2 * pnorm(-abs(d / se)))
}

bootstrap_quantile <- function(p, rows_c, units_c, rows_t, units_t) {
  by_c <- split(rows_c$amount, factor(rows_c$user_key, levels = units_c))
  by_t <- split(rows_t$amount, factor(rows_t$user_key, levels = units_t))
  qc <- q7(rows_c$amount, p); qt_ <- q7(rows_t$amount, p); d <- qt_ - qc
  diffs <- numeric(B_BOOT)
  for (b in seq_len(B_BOOT)) {
    xc <- unlist(by_c[sample.int(length(by_c), replace = TRUE)], use.names = FALSE)
    xt <- unlist(by_t[sample.int(length(by_t), replace = TRUE)], use.names = FALSE)
    diffs[b] <- (if (length(xt)) q7(xt, p) else NA) - (if (length(xc)) q7(xc, p) else NA)
  }
  diffs <- diffs[!is.na(diffs)]
  ci <- unname(quantile(diffs, c(0.025, 0.975), type = 7))
  pv <- max(min(1, 2 * min(mean(diffs <= 0), mean(diffs >= 0))), 1 / length(diffs))
  list(control_value = qc, treatment_value = qt_, absolute_effect = d, absolute_ci_low = ci[1],
       absolute_ci_high = ci[2], relative_effect = if (qc != 0) d / qc else NA,
       relative_ci_low = NA, relative_ci_high = NA, p_value = pv)
}

scorecard <- function(id, e) {
  P <- population(e)
  vs <- names(e$variants)
  counts <- vapply(vs, function(v) sum(P$pop$variant == v), 0)
  expected <- e$variants * sum(counts)
  chi <- sum((counts - expected)^2 / expected)
  set.seed(BOOT_SEED)
  results <- list()
  for (mid in all_metrics) {
    m <- metrics[[mid]]
    w <- windowed(m, P)
    units <- w$pop$unit
    method <- switch(m$type, mean = "welch_t", proportion = "welch_t", ratio = "delta_ratio",
                     quantile = "bootstrap_quantile")
    if (m$type == "mean") {
      y <- per_unit(units, w$rows$user_key, if (is.null(m$value)) NULL else w$rows[[m$value]], m$aggregate)
      if (!is.null(m$cap_quantile)) y <- pmin(y, q7(y, m$cap_quantile))   # pooled over all variants
    } else if (m$type == "proportion") {
      y <- as.numeric(per_unit(units, w$rows$user_key, NULL, "count") > 0)
    } else if (m$type == "ratio") {
      num <- per_unit(units, w$rows$user_key, w$rows$refunded, "sum")
      den <- per_unit(units, w$rows$user_key, NULL, "count")
    }
    for (v in setdiff(vs, e$control)) {
      ic <- w$pop$variant == e$control; it <- w$pop$variant == v
      res <- switch(method,
        welch_t = welch(unname(y[ic]), unname(y[it])),
        delta_ratio = delta_ratio(unname(num[ic]), unname(den[ic]), unname(num[it]), unname(den[it])),
        bootstrap_quantile = bootstrap_quantile(m$quantile, w$rows[w$rows$user_key %in% units[ic], ], units[ic],
                                                w$rows[w$rows$user_key %in% units[it], ], units[it]))
      results[[length(results) + 1]] <- c(list(metric = mid, type = m$type, variant = v, n_control = sum(ic),
                                               n_treatment = sum(it), incomplete_units = w$incomplete,
                                               method = method), res)
    }
  }
  ps <- vapply(results, function(r) r$p_value, 0)
  adjusted <- p.adjust(ps, method = "BH")
  for (i in seq_along(results)) results[[i]]$p_value_adjusted <- adjusted[i]
  list(id = id, e = e, counts = counts, P = P, chi = chi,
       srm_p = pchisq(chi, df = length(vs) - 1, lower.tail = FALSE), results = results)
}

# JSON, numbers with %.17g
num <- function(x) if (is.null(x) || is.na(x) || !is.finite(x)) "null" else sprintf("%.17g", x)
int <- function(x) sprintf("%d", as.integer(x))
str <- function(x) paste0("\"", gsub("([\"\\\\])", "\\\\\\1", x), "\"")
obj <- function(keys, values) paste0("{", paste0(str(keys), ": ", values, collapse = ", "), "}")

md5 <- function(f) unname(tools::md5sum(file.path(shop, f)))
provenance <- obj(c("computed_by", "r_version", "shop", "input_md5"),
                  c(str("sql/src/test/resources/shop-reference/reference.R"), str(R.version.string),
                    str(readLines(file.path(shop, "splitscope.yaml"), n = 1)),
                    obj(c("users.csv", "assignments.csv", "orders.csv", "page_views.csv"),
                        str(c(md5("users.csv"), md5("assignments.csv"), md5("orders.csv"), md5("page_views.csv"))))))

to_json <- function(S) {
  keys <- c("control_value", "treatment_value", "absolute_effect", "absolute_ci_low", "absolute_ci_high",
            "relative_effect", "relative_ci_low", "relative_ci_high", "p_value", "p_value_adjusted")
  rows <- vapply(S$results, function(r)
    paste0("    ", obj(c("metric", "type", "variant", "n_control", "n_treatment", "incomplete_units", "method", keys),
                       c(str(r$metric), str(r$type), str(r$variant), int(r$n_control), int(r$n_treatment),
                         int(r$incomplete_units), str(r$method), vapply(keys, function(k) num(r[[k]]), "")))), "")
  vs <- names(S$counts)
  paste0("{\n",
         "  \"experiment_id\": ", str(S$id), ",\n",
         "  \"control_variant\": ", str(S$e$control), ",\n",
         "  \"start_date\": ", str(S$e$start), ", \"end_date\": ", str(S$e$end), ",\n",
         "  \"population\": ", obj(c("units", "crossover_units", "invalid_exposures"),
                                  c(obj(vs, int(S$counts)), int(S$P$crossovers), int(S$P$invalid))), ",\n",
         "  \"srm\": ", obj(c("chi_square", "p_value", "mismatch", "expected_share"),
                           c(num(S$chi), num(S$srm_p), if (S$srm_p < 0.001) "true" else "false",
                             obj(vs, vapply(S$e$variants, num, "")))), ",\n",
         "  \"results\": [\n", paste(rows, collapse = ",\n"), "\n  ],\n",
         "  \"provenance\": ", provenance, "\n}\n")
}

dir.create("expected", showWarnings = FALSE)
for (id in names(experiments)) {
  S <- scorecard(id, experiments[[id]])
  writeLines(to_json(S), file.path("expected", paste0(id, ".json")), sep = "")
  cat(sprintf("%-16s units %s; crossovers %d; invalid %d; srm p %.3g; %d rows\n", id,
              paste(names(S$counts), S$counts, sep = "=", collapse = ", "), S$P$crossovers, S$P$invalid,
              S$srm_p, length(S$results)))
}
