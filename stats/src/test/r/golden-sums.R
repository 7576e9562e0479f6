# Sufficient statistics of golden metrics, from the golden warehouse CSVs (R 4.2.2, base R only).
# Usage: Rscript golden-sums.R /path/to/shared/golden/streaming-small
args <- commandArgs(trailingOnly = TRUE)
d <- paste0(if (length(args)) args[1] else "/work/shared/golden/streaming-small", "/")
ex <- read.csv(paste0(d, "experiments.csv"), stringsAsFactors = FALSE)
va <- read.csv(paste0(d, "variants.csv"), stringsAsFactors = FALSE)
xp <- read.csv(paste0(d, "exposures.csv"), stringsAsFactors = FALSE)
pb <- read.csv(paste0(d, "playback.csv"), stringsAsFactors = FALSE)
cn <- read.csv(paste0(d, "cancellations.csv"), stringsAsFactors = FALSE)
ts <- function(s) as.POSIXct(s, tz = "UTC", format = "%Y-%m-%d %H:%M:%S")
xp$t <- ts(xp$exposed_at); pb$t <- ts(pb$started_at); cn$t <- ts(cn$cancelled_at)
day <- 86400

# Population of experiment e (spec/warehouse.md): exposures in [start, end + 1 day), known
# variants only, crossovers excluded, first exposure per unit.
population <- function(e) {
  r <- ex[ex$experiment_id == e, ]
  s <- as.POSIXct(paste(r$start_date, "00:00:00"), tz = "UTC")
  end <- as.POSIXct(paste(r$end_date, "00:00:00"), tz = "UTC") + day
  x <- xp[xp$experiment_id == e & xp$t >= s & xp$t < end, ]
  x <- x[x$variant %in% va$variant[va$experiment_id == e], ]
  nv <- tapply(x$variant, x$unit_id, function(v) length(unique(v)))
  x <- x[x$unit_id %in% as.numeric(names(nv)[nv == 1]), ]
  u <- aggregate(t ~ unit_id + variant, x, min)
  u$end <- end
  u
}
# Units whose W-day window has elapsed, with their value.
complete <- function(u, W) u[u$t + W * day <= u$end, ]
streaming_hours <- function(u) {
  u <- complete(u, 7)
  y <- sapply(seq_len(nrow(u)), function(i) {
    s <- pb[pb$unit_id == u$unit_id[i] & pb$t >= u$t[i] & pb$t < u$t[i] + 7 * day, ]
    sum(s$watch_seconds) / 3600
  })
  data.frame(variant = u$variant, y = y)
}
cancel_rate <- function(u) {
  u <- complete(u, 28)
  y <- sapply(seq_len(nrow(u)), function(i)
    as.numeric(any(cn$unit_id == u$unit_id[i] & cn$t >= u$t[i] & cn$t < u$t[i] + 28 * day)))
  data.frame(variant = u$variant, y = y)
}
show <- function(label, m) {
  cat(label, "\n")
  for (v in unique(sort(m$variant))) {
    y <- m$y[m$variant == v]
    cat(sprintf("  %s n=%d sum=%.17g sumSquares=%.17g mean=%.17g\n", v, length(y), sum(y), sum(y^2), mean(y)))
  }
}
a <- population("exp_autoplay")
show("exp_autoplay streaming_hours", streaming_hours(a))
p <- population("exp_price")
show("exp_price streaming_hours", streaming_hours(p))
show("exp_price cancel_rate", cancel_rate(p))
