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

# Log out and account deletion. This browser is the account's only chat, so /logout refuses (nobody could reach
# the account again); /delete shows a 6-digit code, /delete confirm CODE deletes, and /status shows a new account.
say "/logout" "only chat of your account"
asked=$(curl -sS -b "$jar" -c "$jar" -H 'Content-Type: application/json' -d '{"message":"/delete"}' \
  "$base/api/v1/chat" 2>&1)
code=$(grep -o '/delete confirm [0-9]\{6\}' <<<"$asked" | grep -o '[0-9]\{6\}' | head -n 1)
if [ -n "$code" ]; then
  passed=$((passed + 1)); echo "ok   /delete shows a code"
else
  failed=$((failed + 1)); echo "FAIL /delete shows a code: ${asked:0:300}"
fi
say "/delete confirm ${code:-none}" "account is deleted"
say "/status" "**Units:** km"

# The analyze command on a small generated GPX run (10 min, 3 m/s, heart rate), when the jar is built.
server_jar="$(cd "$(dirname "$0")/.." && pwd)/server/target/pace42.jar"
if [ -f "$server_jar" ]; then
  work=$(mktemp -d)
  awk 'BEGIN {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    print "<gpx version=\"1.1\" creator=\"smoke-test\" xmlns=\"http://www.topografix.com/GPX/1/1\""
    print " xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"><trk><type>running</type><trkseg>"
    for (i = 0; i < 600; i++)
      printf "<trkpt lat=\"%.6f\" lon=\"-0.12\"><time>2026-05-03T06:%02d:%02dZ</time><extensions>" \
             "<ns3:TrackPointExtension><ns3:hr>%d</ns3:hr></ns3:TrackPointExtension></extensions></trkpt>\n",
             51.5 + i * 0.000027, 30 + int(i / 60), i % 60, 145 + i % 5
    print "</trkseg></trk></gpx>" }' > "$work/smoke.gpx"
  analyze_out=$(cd "$work" && PACE42_LOG_DIR="$work/logs" java -jar "$server_jar" analyze smoke.gpx 2>&1)
  if [[ "$analyze_out" == *"1.8 km"* && -s "$work/smoke.gpx.pace42.png" ]]; then
    passed=$((passed + 1)); echo "ok   analyze command"
  else
    failed=$((failed + 1)); echo "FAIL analyze command: ${analyze_out:0:300}"
  fi
  rm -rf "$work"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
