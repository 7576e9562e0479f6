#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real: Chromium and its driver for the
# browser tests; GNU R and its Rserve package for the methods written in R (stats, io.splitscope.stats.r);
# the PostgreSQL server binaries for the PostgreSQL tests, each of which starts a throwaway cluster
# of its own with initdb and pg_ctl (PostgresServer) and deletes it afterwards, so no system cluster
# is used or needed. Idempotent; needs root or sudo only when something is missing.
set -euo pipefail

postgres_installed() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
command -v R >/dev/null 2>&1 || packages+=(r-base-core)
# r-cran-rserve: the Rserve R package, checked with Rscript (installed with R when R is missing)
{ command -v Rscript >/dev/null 2>&1 && Rscript -e 'quit(status = !requireNamespace("Rserve", quietly = TRUE))' >/dev/null 2>&1; } \
  || packages+=(r-cran-rserve)
postgres_installed || packages+=(postgresql)
[ ${#packages[@]} -eq 0 ] && exit 0

echo "splitscope: installing test tools: ${packages[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "splitscope: tests need ${packages[*]}; run 'apt-get install --no-install-recommends ${packages[*]}' as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# postgresql may create and try to start a system cluster on port 5432; the tests never use it.
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
postgres_installed || {
  echo "splitscope: postgresql is installed but no /usr/lib/postgresql/*/bin/initdb was found" >&2
  exit 1
}
