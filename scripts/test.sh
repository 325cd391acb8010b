#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need when it is missing (Debian's chromium and
# chromium-driver for the browser tests), runs `mvn -B verify`, then the smoke run against the built jar
# (scripts/smoke-run.sh). Extra arguments go to Maven and skip the smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the browser tests..."
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mvn -B -ntp verify "$@"
# The smoke run needs the whole build's jar; a partial run (extra Maven arguments) skips it.
if [ $# -eq 0 ]; then
  bash scripts/smoke-run.sh
else
  echo "smoke run skipped (Maven arguments given)"
fi
