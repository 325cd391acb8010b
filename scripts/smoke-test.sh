#!/usr/bin/env bash
# End-to-end smoke test against a running server (start it with scripts/start.sh first).
# Checks the browser chat API answers the basic commands and that errors carry a code and request id.
# Usage: scripts/smoke-test.sh [base-url]   (default http://localhost:8080)
set -uo pipefail
base=${1:-${PACE42_URL:-http://localhost:8080}}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
passed=0
failed=0

check() { # name, expected substring, curl args...
  local name=$1 expected=$2
  shift 2
  local body
  body=$(curl -sS -b "$jar" -c "$jar" "$@" 2>&1)
  if [[ "$body" == *"$expected"* ]]; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name: expected '$expected' in: ${body:0:300}"
  fi
}

say() { check "$1" "$2" -H 'Content-Type: application/json' -d "{\"message\":\"$1\"}" "$base/api/v1/chat"; }

check "page" '<form id="composer"' "$base/"
say "/help" "/units km|mi"
say "/units mi" "miles"
say "/status" "**Units:** mi"
say "/timezone Europe/Berlin" "Europe/Berlin"
say "How is my fitness trending?" '"parts"'
check "bad JSON" '"code":"VALIDATION_ERROR"' -H 'Content-Type: application/json' -d '{oops' "$base/api/v1/chat"
check "unknown path" '"requestId"' "$base/no-such-page"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
