# An independent reference for the metric types of spec/metric-types.md, in base R: reads the
# hand-made warehouse next to it (exposures.csv, events.csv), computes every unit's value of each
# metric row by row, straight from the spec, and writes the per-variant sums the fused SQL query
# must give (expected.csv). It shares no code with Splitscope; MetricTypesReference.java defines
# the same metrics with the Java API.
#
#   Rscript reference.R [DIR [OUT]]     (DIR: the folder of the CSVs, "." by default; OUT: DIR/expected.csv)

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."
out <- if (length(args) >= 2) args[2] else file.path(dir, "expected.csv")

utc <- function(text) as.POSIXct(text, tz = "UTC", format = "%Y-%m-%d %H:%M:%S")
HOUR <- 3600
DAY <- 24 * HOUR
# The experiment runs from 2026-03-01 to 2026-03-10: the analysis ends at 2026-03-11 00:00.
ANALYSIS_END <- utc("2026-03-11 00:00:00")
PRE_PERIOD <- 14 * DAY

exposures <- read.csv(file.path(dir, "exposures.csv"), stringsAsFactors = FALSE, na.strings = "")
exposures$exposed_at <- utc(exposures$exposed_at)
events <- read.csv(file.path(dir, "events.csv"), stringsAsFactors = FALSE, na.strings = "")
events$event_at <- utc(events$event_at)

# Per-unit values over the rows r of one unit in [from, to).
any_row <- function(r, from, to) as.numeric(nrow(r) > 0)
revenue <- function(r, from, to) sum(r$amount, na.rm = TRUE)
distinct_items <- function(r, from, to) length(unique(r$item[!is.na(r$item)]))
active_days <- function(r, from, to) length(unique(as.Date(r$event_at, tz = "UTC")))
# The UTC dates [from, to) touches: from's date to the date of its last second (whole seconds here).
dates_touched <- function(from, to) {
  if (to <= from) return(0)
  as.numeric(as.Date(to - 1, tz = "UTC") - as.Date(from, tz = "UTC")) + 1
}
active_share <- function(r, from, to) {
  dates <- dates_touched(from, to)
  if (dates == 0) 0 else active_days(r, from, to) / dates
}
spent_at_least_50 <- function(r, from, to) as.numeric(revenue(r, from, to) >= 50)

# 1 when distinct rows r1..rk of r pass the steps in order with non-decreasing times: an
# exhaustive search, not the greedy rule of the SQL.
completes <- function(r, steps) {
  search <- function(i, after, used) {
    if (i > length(steps)) return(TRUE)
    for (row in which(r$event == steps[i])) {
      if (!(row %in% used) && r$event_at[row] >= after && search(i + 1, r$event_at[row], c(used, row))) return(TRUE)
    }
    FALSE
  }
  search(1, utc("1970-01-01 00:00:00"), integer(0))
}
reached <- function(steps) function(r, from, to) as.numeric(completes(r, steps))

is_checkout <- function(r) r$event == "checkout"
every_row <- function(r) rep(TRUE, nrow(r))

# id, kind (mean: one value and a pre-period covariate; funnel_step: no covariate; ratio), window
# [start, end) after first exposure, eligibility, row filter, value (numerator, denominator).
metric <- function(id, kind, start, end, eligibility, filter, value, denominator = NULL) {
  list(id = id, kind = kind, start = start, end = end, eligibility = eligibility, filter = filter,
       value = value, denominator = denominator)
}
CHECKOUT <- c("browse", "cart", "checkout")
QUICK <- c("cart", "checkout")
metrics <- list(
  metric("retention_d7", "mean", 7 * DAY, 8 * DAY, "elapsed", every_row, any_row),
  metric("retention_d7_all", "mean", 7 * DAY, 8 * DAY, "all", every_row, any_row),
  metric("retention_12_36h", "mean", 12 * HOUR, 36 * HOUR, "elapsed", every_row, any_row),
  metric("conversion_24h", "mean", 0, 24 * HOUR, "elapsed", is_checkout, any_row),
  metric("revenue_36h", "mean", 0, 36 * HOUR, "elapsed", every_row, revenue),
  metric("checkout.step1", "funnel_step", 0, 3 * DAY, "elapsed", every_row, reached(CHECKOUT[1])),
  metric("checkout.step2", "funnel_step", 0, 3 * DAY, "elapsed", every_row, reached(CHECKOUT[1:2])),
  metric("checkout.step2_of_1", "ratio", 0, 3 * DAY, "elapsed", every_row, reached(CHECKOUT[1:2]), reached(CHECKOUT[1])),
  metric("checkout.step3", "funnel_step", 0, 3 * DAY, "elapsed", every_row, reached(CHECKOUT)),
  metric("checkout.step3_of_2", "ratio", 0, 3 * DAY, "elapsed", every_row, reached(CHECKOUT), reached(CHECKOUT[1:2])),
  metric("quick.step1", "funnel_step", 0, 24 * HOUR, "all", every_row, reached(QUICK[1])),
  metric("quick.step2", "funnel_step", 0, 24 * HOUR, "all", every_row, reached(QUICK)),
  metric("quick.step2_of_1", "ratio", 0, 24 * HOUR, "all", every_row, reached(QUICK), reached(QUICK[1])),
  metric("items", "mean", 0, 7 * DAY, "elapsed", every_row, distinct_items),
  metric("items_approx", "mean", 0, 7 * DAY, "elapsed", every_row, distinct_items),
  metric("active_days", "mean", 0, 7 * DAY, "elapsed", every_row, active_days),
  metric("active_share", "mean", 0, 7 * DAY, "elapsed", every_row, active_share),
  metric("active_share_all", "mean", 0, 7 * DAY, "all", every_row, active_share),
  metric("big_spender", "mean", 0, 7 * DAY, "elapsed", every_row, spent_at_least_50)
)

# The unit's rows in [from, to) that pass the metric's filter.
rows_in <- function(m, unit, from, to) {
  r <- events[events$unit_id == unit & events$event_at >= from & events$event_at < to, ]
  r[m$filter(r), ]
}

results <- list()
for (m in metrics) {
  for (variant in sort(unique(exposures$variant))) {
    y <- c(); x <- c(); num <- c(); den <- c()
    for (i in which(exposures$variant == variant)) {
      unit <- exposures$unit_id[i]
      first <- exposures$exposed_at[i]
      from <- first + m$start
      to <- first + m$end
      # elapsed: only units whose whole window is over; all: every unit, the window cut at the analysis end
      if (m$eligibility == "elapsed" && to > ANALYSIS_END) next
      if (m$eligibility == "all") to <- min(to, ANALYSIS_END)
      r <- rows_in(m, unit, from, to)
      if (m$kind == "ratio") {
        num <- c(num, m$value(r, from, to))
        den <- c(den, m$denominator(r, from, to))
      } else {
        y <- c(y, m$value(r, from, to))
        # CUPED: the same rule over the 14 days before first exposure; a funnel's rows have none (0)
        x <- c(x, if (m$kind == "funnel_step") 0 else m$value(rows_in(m, unit, first - PRE_PERIOD, first), first - PRE_PERIOD, first))
      }
    }
    stats <- if (m$kind == "ratio") {
      c(n = length(num), numerator_sum = sum(num), numerator_sum_squares = sum(num^2), denominator_sum = sum(den),
        denominator_sum_squares = sum(den^2), numerator_denominator_sum = sum(num * den))
    } else {
      c(n = length(y), sum = sum(y), sum_squares = sum(y^2), covariate_sum = sum(x), covariate_sum_squares = sum(x^2),
        sum_product = sum(x * y))
    }
    results[[length(results) + 1]] <- data.frame(metric = m$id, variant = variant, statistic = names(stats),
                                                 value = sprintf("%.17g", stats), stringsAsFactors = FALSE)
  }
}
write.csv(do.call(rbind, results), out, row.names = FALSE, quote = FALSE)
