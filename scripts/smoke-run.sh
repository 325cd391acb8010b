#!/usr/bin/env bash
# Starts the built jar on fresh data and free loopback ports, runs scripts/smoke-test.sh against it, stops it.
# scripts/test.sh runs this after `mvn verify`; it needs server/target/pace42.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=server/target/pace42.jar
[ -f "$JAR" ] || { echo "smoke run: $JAR is missing (run mvn package first)" >&2; exit 1; }

# A port nothing listens on (bash's /dev/tcp connect fails), picked at random from the ephemeral range.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
work=$(mktemp -d)
port=$(free_port)
admin_port=$(free_port)

PACE42_DATA_DIR="$work/data" PACE42_PORT="$port" PACE42_ADMIN_PORT="$admin_port" \
  PACE42_PUBLIC_URL="http://127.0.0.1:$port" \
  java -Xmx512m -jar "$JAR" server config/pace42.yml > "$work/server.out" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 90); do
  kill -0 "$pid" 2>/dev/null || { echo "smoke run: the server did not start:" >&2; tail -40 "$work/server.out" >&2; exit 1; }
  curl -fsS -o /dev/null "http://127.0.0.1:$admin_port/ping" 2>/dev/null && break
  sleep 1
done

status=0
bash scripts/smoke-test.sh "http://127.0.0.1:$port" || status=$?
if [ "$status" -ne 0 ]; then
  echo "smoke run: server output (last 60 lines):" >&2
  tail -60 "$work/server.out" >&2
fi
exit "$status"
