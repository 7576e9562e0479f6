#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries, which the integration tests drive for real: each
# test class starts a throwaway cluster of its own with initdb and pg_ctl (PostgresServer) and
# deletes it afterwards, so no system cluster is used or needed. Idempotent; needs root or sudo
# only when /usr/lib/postgresql/*/bin/initdb is missing.
set -euo pipefail

compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && exit 0

echo "splitscope: installing PostgreSQL for the integration tests (Debian package postgresql)" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "splitscope: the integration tests need PostgreSQL; run 'apt-get install --no-install-recommends postgresql' as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# The package may create and try to start a system cluster on port 5432; the tests never use it.
$sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || {
  echo "splitscope: postgresql is installed but no /usr/lib/postgresql/*/bin/initdb was found" >&2
  exit 1
}
