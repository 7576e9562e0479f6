#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real: Chromium and its driver for the
# browser tests. Idempotent; needs root or sudo only when something is missing.
set -euo pipefail

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
[ ${#packages[@]} -eq 0 ] && exit 0

echo "splitscope: installing test tools: ${packages[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "splitscope: tests need ${packages[*]}; run 'apt-get install --no-install-recommends ${packages[*]}' as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
