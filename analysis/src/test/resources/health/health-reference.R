# The reference values of HealthAnalysisTest, computed independently of Splitscope from the golden
# warehouse's CSV files with R 4.2.2: run in analysis/src/test/resources/golden/streaming-small.
# The population rules of spec/warehouse.md by hand, then chisq.test(counts, p = weights).
x <- read.csv("exposures.csv", stringsAsFactors = FALSE)
ex <- read.csv("experiments.csv", stringsAsFactors = FALSE)
va <- read.csv("variants.csv", stringsAsFactors = FALSE)
for (id in c("exp_autoplay", "exp_price")) {
  e <- ex[ex$experiment_id == id, ]
  w <- va[va$experiment_id == id, ]
  r <- x[x$experiment_id == id, ]
  t <- as.POSIXct(r$exposed_at, tz = "UTC", format = "%Y-%m-%d %H:%M:%S")
  start <- as.POSIXct(paste(e$start_date, "00:00:00"), tz = "UTC")
  end <- as.POSIXct(paste(as.Date(e$end_date) + 1, "00:00:00"), tz = "UTC")
  keep <- t >= start & t < end
  r <- r[keep, ]; t <- t[keep]
  valid <- !is.na(r$variant) & r$variant %in% w$variant
  inv <- table(as.Date(t[!valid], tz = "UTC"))
  rv <- r[valid, ]; tv <- t[valid]
  nvar <- tapply(rv$variant, rv$unit_id, function(v) length(unique(v)))
  first <- tapply(as.numeric(tv), rv$unit_id, min)
  var1 <- tapply(rv$variant, rv$unit_id, function(v) v[1])
  day <- as.Date(as.POSIXct(first, origin = "1970-01-01", tz = "UTC"), tz = "UTC")
  one <- nvar == 1
  cat(id, "units", sum(one), "crossovers", sum(!one), "invalid", sum(!valid), "\n")
  tab <- table(factor(day[one], levels = as.character(sort(unique(day)))), factor(var1[one], levels = w$variant))
  cross <- table(day[!one])
  for (d in rownames(tab)[1:4]) {
    n <- tab[d, ]
    p <- if (sum(n) > 0) chisq.test(n, p = w$weight)$p.value else NA
    cat(d, n, sprintf("p=%.10g", p), "cross", ifelse(d %in% names(cross), cross[d], 0), "invalid", ifelse(d %in% names(inv), inv[d], 0), "\n")
  }
  n <- colSums(tab); cat("overall", n, sprintf("p=%.10g", chisq.test(n, p = w$weight)$p.value), "\n")
  cat("days", nrow(tab), "first", rownames(tab)[1], "last", rownames(tab)[nrow(tab)], "\n")
}

# Units per device value of exp_autoplay
x <- read.csv("exposures.csv", stringsAsFactors = FALSE)
m <- read.csv("members.csv", stringsAsFactors = FALSE)
r <- x[x$experiment_id == "exp_autoplay", ]
t <- as.POSIXct(r$exposed_at, tz = "UTC", format = "%Y-%m-%d %H:%M:%S")
r <- r[t >= as.POSIXct("2026-03-01", tz = "UTC") & t < as.POSIXct("2026-04-15", tz = "UTC"), ]
r <- r[r$variant %in% c("control", "previews"), ]
nvar <- tapply(r$variant, r$unit_id, function(v) length(unique(v)))
var1 <- tapply(r$variant, r$unit_id, function(v) v[1])
u <- data.frame(unit_id = as.numeric(names(nvar)), n = as.vector(nvar), variant = as.vector(var1))
u <- u[u$n == 1, ]
u$device <- m$device[match(u$unit_id, m$unit_id)]
u$device[is.na(u$device)] <- "unknown"
tab <- table(u$device, u$variant)
for (d in rownames(tab)) cat(d, tab[d, ], sprintf("p=%.10g", chisq.test(tab[d, ], p = c(0.5, 0.5))$p.value), "\n")
