#!/usr/bin/env bash
# Runs pace42 on embedded defaults (SQLite and an encrypted local store under ./data, browser chat on
# localhost). Builds the server first when the jar is missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=server/target/pace42.jar
CONFIG=${PACE42_CONFIG:-config/pace42.yml}

stale() {
  [ ! -f "$JAR" ] && return 0
  [ -n "$(find . -path ./data -prune -o -path '*/target' -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$JAR" -print -quit)" ]
}

if stale; then
  echo "Building pace42 (the first build downloads dependencies and takes a few minutes)..."
  mvn -B -q -ntp -DskipTests package
fi

java ${JAVA_OPTS:-} -jar "$JAR" server "$CONFIG" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' INT TERM

# /ping answers as soon as the server is up; /healthcheck may stay red (e.g. Telegram unreachable) while the
# browser chat works, so it is reported, not waited for.
admin="http://127.0.0.1:${PACE42_ADMIN_PORT:-8081}"
for _ in $(seq 1 60); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "pace42 did not start; see the log lines above." >&2
    wait "$pid"
    exit 1
  fi
  if curl -fsS -o /dev/null "$admin/ping" 2>/dev/null; then
    echo
    echo "pace42 is running. Open ${PACE42_PUBLIC_URL:-http://localhost:${PACE42_PORT:-8080}}/ in your browser to chat."
    curl -fsS -o /dev/null "$admin/healthcheck" 2>/dev/null \
      || echo "Some health checks are failing: see $admin/healthcheck"
    echo "Stop it with Ctrl+C."
    break
  fi
  sleep 1
done
wait "$pid"
