# generate.R -- the "unseen" bring-your-own-warehouse fixture (project.md).
#
# Base R only (written and run with R 4.2.2). Seeded: running it again writes the
# same files byte for byte. Run from this folder:   Rscript generate.R
#
# Writes a small, deliberately dirty warehouse of CSV files into data/:
#   assignment_log.csv  user_id, test, group, timestamp   (two experiments in one log)
#   orders.csv          user_id, timestamp, amount_cents, status
#   page_views.csv      user_id, viewed_at, page
#   users.csv           id, country, plan                  (no timestamp)
#   survey.csv          user_id, nps                       (no timestamp)
#   static_assignment.csv user_id, arm                     (no timestamp, no experiment column)
# Header row, comma separated, timestamps `YYYY-MM-DD HH:MM:SS` (UTC), empty field = NULL.
# No value contains a comma or a quote, so nothing is quoted.

set.seed(20260501)
dir.create("data", showWarnings = FALSE)

DAY <- 86400
ts <- function(s) as.POSIXct(s, tz = "UTC", format = "%Y-%m-%d %H:%M:%S")
fmt <- function(t) ifelse(is.na(t), "", format(t, "%Y-%m-%d %H:%M:%S", tz = "UTC"))
write_table <- function(df, name) {
  write.table(df, file.path("data", paste0(name, ".csv")), sep = ",", quote = FALSE,
              row.names = FALSE, col.names = TRUE, na = "", fileEncoding = "UTF-8", eol = "\n")
}
at <- function(base, lo, hi) base + round(runif(length(base), lo, hi))   # whole seconds

# ---------------------------------------------------------------- users
N <- 600
ids <- sprintf("u%s-%04d", sprintf("%04x", sample(0:65535, N, replace = TRUE)), seq_len(N))

# ---------------------------------------------------------------- checkout-v2 (declared)
START <- ts("2026-05-01 00:00:00")
END_EXCL <- ts("2026-05-29 00:00:00")                 # end 2026-05-28 inclusive
ARMS <- c("control", "one page", "two pages")
n_ck <- 450
ck <- data.frame(user = sample(ids, n_ck),
                 arm = sample(ARMS, n_ck, replace = TRUE, prob = c(0.5, 0.25, 0.25)),
                 stringsAsFactors = FALSE)
# most units arrive early (a launch), the rest trickle in until the end date: the late ones have
# no complete 14-day (or 7-day) window by the end date -> incomplete_units
early <- runif(n_ck) < 0.7
ck$fe <- ifelse(early, at(rep(START, n_ck), 0, 13 * DAY), at(rep(START, n_ck), 13 * DAY, 28 * DAY - 1))
ck$fe <- as.POSIXct(ck$fe, origin = "1970-01-01", tz = "UTC")
# exact edges: a first exposure on the first second of the period, one whose 14-day window
# ends exactly at analysis_end (complete), one whose 7-day window ends exactly there
ck$fe[1] <- START
ck$fe[2] <- ts("2026-05-15 00:00:00")
ck$fe[3] <- ts("2026-05-22 00:00:00")
clean <- rep(TRUE, n_ck)                       # units no dirt row touches (for edge orders)
clean[1:3] <- FALSE

rows <- list()
add <- function(user, test, group, time) {
  rows[[length(rows) + 1]] <<- data.frame(user_id = user, test = test, group = group,
                                          timestamp = time, stringsAsFactors = FALSE)
}
add(ck$user, "checkout-v2", ck$arm, ck$fe)
# repeat exposures of the same unit and arm, some after the end date
rep_n <- rpois(n_ck, 0.9)
ri <- rep(seq_len(n_ck), rep_n)
add(ck$user[ri], "checkout-v2", ck$arm[ri], at(ck$fe[ri], 600, 12 * DAY))

pick <- function(k) { i <- sample(which(clean & ck$fe < ts("2026-05-20 00:00:00")), k); clean[i] <<- FALSE; i }
# crossovers: a second, different arm inside the period
i <- pick(6)
other <- vapply(ck$arm[i], function(a) sample(setdiff(ARMS, a), 1), "")
add(ck$user[i], "checkout-v2", other, at(ck$fe[i], 3600, 5 * DAY))
# not a crossover: the other arm was seen before the start date only (ignored row)
i <- pick(2)
add(ck$user[i], "checkout-v2", vapply(ck$arm[i], function(a) setdiff(ARMS, a)[1], ""),
    ts(c("2026-04-29 10:00:00", "2026-04-30 23:59:59")))
# rows before the start date of units that are in the population anyway (ignored)
i <- pick(6)
add(ck$user[i], "checkout-v2", ck$arm[i], at(rep(ts("2026-04-24 00:00:00"), 6), 0, 7 * DAY - 1))
# an unknown variant inside the period, for units that also have valid rows (invalid exposures)
i <- pick(3)
add(ck$user[i], "checkout-v2", "three pages", at(ck$fe[i], 60, 2 * DAY))
# NULL variant inside the period (invalid exposures)
i <- pick(2)
add(ck$user[i], "checkout-v2", NA, at(ck$fe[i], 60, 2 * DAY))

free <- setdiff(ids, ck$user)
extra <- sample(free, 9)
# units seen only before the start, only after the end, on the exclusive end edge,
# only with an unknown variant, only with a NULL variant: none is in the population
add(extra[1:2], "checkout-v2", c("control", "one page"), ts(c("2026-04-20 08:00:00", "2026-04-30 23:59:59")))
add(extra[3:4], "checkout-v2", c("two pages", "control"), ts(c("2026-05-29 00:00:00", "2026-05-30 17:45:12")))
add(extra[5], "checkout-v2", "three pages", ts("2026-05-12 13:14:15"))
add(extra[6], "checkout-v2", NA, ts("2026-05-13 09:00:00"))
# out-of-period invalid rows: not counted as invalid exposures (step 1 drops them first)
add(extra[7], "checkout-v2", "three pages", ts("2026-04-28 12:00:00"))
add(extra[8], "checkout-v2", NA, ts("2026-05-31 12:00:00"))

# ---------------------------------------------------------------- banner_test (discovered)
n_bn <- 300
bn <- data.frame(user = sample(ids, n_bn), arm = sample(c("control", "treatment"), n_bn, replace = TRUE),
                 stringsAsFactors = FALSE)
B0 <- ts("2026-05-04 00:00:00")
B_LAST <- ts("2026-05-26 23:59:59")
early <- runif(n_bn) < 0.7
bn$fe <- ifelse(early, at(rep(B0, n_bn), 8 * 3600, 9 * DAY), at(rep(B0, n_bn), 9 * DAY, 23 * DAY - 3 * 3600))
bn$fe <- as.POSIXct(bn$fe, origin = "1970-01-01", tz = "UTC")
bn$fe[1] <- ts("2026-05-04 08:15:00")          # first exposure date: 2026-05-04
bn$fe[2] <- ts("2026-05-26 21:40:00")          # last exposure date:  2026-05-26
add(bn$user, "banner_test", bn$arm, bn$fe)
rep_n <- rpois(n_bn, 0.7)
ri <- rep(seq_len(n_bn), rep_n)
rt <- at(bn$fe[ri], 600, 6 * DAY)
keep <- rt <= B_LAST                           # repeats stay inside the discovered period
add(bn$user[ri][keep], "banner_test", bn$arm[ri][keep], rt[keep])
i <- sample(3:n_bn, 3)                         # crossovers
add(bn$user[i], "banner_test", ifelse(bn$arm[i] == "control", "treatment", "control"),
    pmin(at(bn$fe[i], 3600, 2 * DAY), B_LAST))
add(bn$user[4], "banner_test", NA, ts("2026-05-15 11:11:11"))   # NULL variant, mid-period

log <- do.call(rbind, rows)
log <- log[order(log$timestamp, log$user_id, log$test), ]
log$timestamp <- fmt(log$timestamp)
write_table(log, "assignment_log")

# ---------------------------------------------------------------- orders
orders <- list()
add_orders <- function(user, time, cents, status) {
  orders[[length(orders) + 1]] <<- data.frame(user_id = user, timestamp = time,
                                              amount_cents = as.integer(cents),
                                              status = status, stringsAsFactors = FALSE)
}
amount <- function(n) pmax(199L, as.integer(round(exp(rnorm(n, log(3800), 0.75)))))
status <- function(n, refund = 0.12) sample(c("paid", "refunded", "cancelled"), n, replace = TRUE,
                                            prob = c(0.88 - refund, refund, 0.12))
# planted effect: `one page` raises the chance of buying within 14 days of exposure
p_buy <- c(control = 0.26, "one page" = 0.46, "two pages" = 0.30)
buy <- runif(n_ck) < p_buy[ck$arm]
k <- ifelse(buy, 1 + rpois(n_ck, 0.6), 0)
oi <- rep(seq_len(n_ck), k)
refund_p <- ifelse(ck$arm[oi] == "two pages", 0.20, 0.10)
add_orders(ck$user[oi], at(ck$fe[oi], 120, 14 * DAY - 1), amount(length(oi)),
           vapply(refund_p, function(p) status(1, p), ""))
# background orders of everyone at any time (also before exposure and outside experiments)
kb <- rpois(N, 0.7)
bi <- rep(seq_len(N), kb)
add_orders(ids[bi], at(rep(ts("2026-04-01 00:00:00"), length(bi)), 0, 80 * DAY), amount(length(bi)),
           status(length(bi)))
# banner_test: a small lift in orders for treatment
bt <- bn$arm == "treatment" & runif(n_bn) < 0.10
add_orders(bn$user[bt], at(bn$fe[bt], 60, 10 * DAY), amount(sum(bt)), status(sum(bt)))
# a few large orders so that revenue's cap (250) and the p90 matter
w <- sample(ck$user, 6)
add_orders(w, at(ck$fe[match(w, ck$user)], 3600, 9 * DAY), c(41250, 52000, 88990, 30500, 27999, 61000), "paid")
ord <- do.call(rbind, orders)

# window edges (whole seconds): unit e1 has a paid order exactly at first_exposed_at + 14 days
# (excluded: the window is half-open) and one a second before its exposure (excluded), nothing
# else near its window; unit e2 has a paid order exactly at first_exposed_at (included).
cl <- which(clean & ck$fe <= ts("2026-05-10 00:00:00") & !(ck$user %in% bn$user) & ck$arm == "control")
e1 <- cl[1]; e2 <- cl[2]; e3 <- cl[3]
ord <- ord[!(ord$user_id == ck$user[e1] & ord$timestamp >= ck$fe[e1] - 2 * DAY &
             ord$timestamp <= ck$fe[e1] + 16 * DAY), ]
ord <- rbind(ord,
  data.frame(user_id = ck$user[c(e1, e1, e2)],
             timestamp = c(ck$fe[e1] + 14 * DAY, ck$fe[e1] - 1, ck$fe[e2]),
             amount_cents = c(5000L, 4200L, 2599L), status = "paid", stringsAsFactors = FALSE),
  # an order of a user who is in no experiment and not in users.csv
  data.frame(user_id = "uffff-9999", timestamp = ts("2026-05-10 10:00:00"), amount_cents = 9900L,
             status = "paid", stringsAsFactors = FALSE),
  # an order with a NULL timestamp (never inside any window)
  data.frame(user_id = ck$user[e3], timestamp = as.POSIXct(NA, tz = "UTC"), amount_cents = 1234L,
             status = "paid", stringsAsFactors = FALSE))
ord <- ord[order(ord$timestamp, ord$user_id, na.last = TRUE), ]
ord$timestamp <- fmt(ord$timestamp)
write_table(ord, "orders")

# ---------------------------------------------------------------- page views
PAGES <- c("/", "/search", sprintf("/product/%d", 1:8), "/cart", "/checkout", "/checkout/payment",
           "/account", "/help")
pv <- list()
add_pv <- function(user, time, page) {
  pv[[length(pv) + 1]] <<- data.frame(user_id = user, viewed_at = time, page = page,
                                      stringsAsFactors = FALSE)
}
kb <- rpois(N, 1.2)
bi <- rep(seq_len(N), kb)
add_pv(ids[bi], at(rep(ts("2026-04-15 00:00:00"), length(bi)), 0, 60 * DAY),
       sample(PAGES, length(bi), replace = TRUE))
kc <- rpois(n_ck, 2.2)
ci <- rep(seq_len(n_ck), kc)
add_pv(ck$user[ci], at(ck$fe[ci], 0, 9 * DAY), sample(PAGES, length(ci), replace = TRUE,
                                                     prob = c(4, 3, rep(1, 8), 2, 2, 1, 1, 1)))
# planted effect: the banner makes treatment units browse more pages in their first week
kt <- rpois(n_bn, ifelse(bn$arm == "treatment", 2.6, 1.6))
ti <- rep(seq_len(n_bn), kt)
add_pv(bn$user[ti], at(bn$fe[ti], 0, 7 * DAY - 1), sample(PAGES, length(ti), replace = TRUE))
pvd <- do.call(rbind, pv)
pvd$page[sample(nrow(pvd), 2)] <- NA                      # NULL pages: ignored by count_distinct
# a view exactly at first_exposed_at + 7 days (excluded) of a page unit e3 never saw
seen <- pvd$page[pvd$user_id == ck$user[e3]]
pvd <- rbind(pvd, data.frame(user_id = ck$user[e3], viewed_at = ck$fe[e3] + 7 * DAY,
                             page = setdiff(PAGES, seen)[1], stringsAsFactors = FALSE))
pvd <- pvd[order(pvd$viewed_at, pvd$user_id), ]
pvd$viewed_at <- fmt(pvd$viewed_at)
write_table(pvd, "page_views")

# ---------------------------------------------------------------- users (no timestamp)
exposed <- unique(c(ck$user, bn$user))
missing <- sample(exposed, 24)                            # exposed users with no users row
us <- data.frame(id = setdiff(ids, missing),
                 stringsAsFactors = FALSE)
us$country <- sample(c("DE", "FR", "US", "GB", "NL", "ES", "SE"), nrow(us), replace = TRUE,
                     prob = c(5, 3, 4, 3, 1, 2, 1))
us$plan <- sample(c("free", "plus", "pro"), nrow(us), replace = TRUE, prob = c(6, 3, 1))
us$country[sample(nrow(us), 2)] <- NA
write_table(us, "users")

# ---------------------------------------------------------------- static assignment (no timestamp)
n_st <- 420
st <- data.frame(user_id = sample(ids, n_st), arm = sample(c("A", "B"), n_st, replace = TRUE),
                 stringsAsFactors = FALSE)
truth_arm <- setNames(st$arm, st$user_id)
dup <- st[sample(n_st, 20), ]                                            # repeated rows
xo <- st[sample(n_st, 3), ]; xo$arm <- ifelse(xo$arm == "A", "B", "A")   # crossovers
nul <- data.frame(user_id = c(st$user_id[5], sample(setdiff(ids, st$user_id), 1)), arm = NA,
                  stringsAsFactors = FALSE)                              # NULL arm: invalid
sta <- rbind(st, dup, xo, nul)
sta <- sta[sample(nrow(sta)), ]
write_table(sta, "static_assignment")

# ---------------------------------------------------------------- survey (no timestamp)
resp <- sample(ids, 430)
base_p <- c(3, 2, 2, 3, 3, 5, 6, 9, 11, 8, 6)                # nps 0..10
arm <- truth_arm[resp]
nps <- vapply(seq_along(resp), function(j) {
  x <- sample(0:10, 1, prob = base_p)
  if (!is.na(arm[j]) && arm[j] == "B" && runif(1) < 0.6) x <- min(10L, x + 2L)   # planted lift
  as.integer(x)
}, 1L)
sv <- data.frame(user_id = resp, nps = nps, stringsAsFactors = FALSE)
sv$nps[sample(nrow(sv), 25)] <- NA                           # skipped the question
again <- sv[sample(nrow(sv), 8), ]                           # answered twice
again$nps <- sample(0:10, 8, replace = TRUE)
sv <- rbind(sv, again)
sv <- sv[sample(nrow(sv)), ]
write_table(sv, "survey")

for (f in list.files("data", full.names = TRUE))
  cat(sprintf("%-28s %6d rows %7d bytes\n", f, length(readLines(f)) - 1L, file.size(f)))
