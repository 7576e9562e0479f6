# The Rserve server Splitscope starts (RserveProcess): R --file=server.R --args PORT.
# Exits with status 3 when the Rserve package is missing, else serves on PORT, loopback only, no
# configuration file, no authentication, in the foreground: this R process is the server, and
# Rserve forks one child R process per connection (a session).

port <- as.integer(commandArgs(trailingOnly = TRUE)[[1]])
if (!requireNamespace("Rserve", quietly = TRUE)) quit(save = "no", status = 3)

# The watchdog, so that R goes when its owner goes, also when the owner is killed with SIGKILL and
# runs no clean-up: a forked R process that reads standard input, a pipe whose writing end only the
# owning JVM holds. The read returns when that end closes (the owner has exited or closed the
# runtime); the watchdog then ends the server's other children (the sessions, which may be busy
# computing) and the server.
server <- Sys.getpid()

children_of <- function(parent) {
  stats <- Sys.glob("/proc/[0-9]*/stat")
  parents <- vapply(stats, function(file) {
    line <- tryCatch(readLines(file, warn = FALSE), error = function(e) "")
    # the fields after the command name, which ends with the line's last ")": state, parent, ...
    fields <- strsplit(sub("^.*\\) ", "", line[1]), " ", fixed = TRUE)[[1]]
    if (length(fields) >= 2) fields[[2]] else ""
  }, "", USE.NAMES = FALSE)
  as.integer(basename(dirname(stats[parents == as.character(parent)])))
}

invisible(parallel::mcparallel({
  readLines(file("stdin"), warn = FALSE)
  tools::pskill(setdiff(children_of(server), Sys.getpid()), tools::SIGKILL)
  tools::pskill(server, tools::SIGTERM)
}, detached = TRUE))

Rserve::run.Rserve(port = port, remote = "disable", auth = "disable", encoding = "utf8",
                   config.file = "/dev/null")
