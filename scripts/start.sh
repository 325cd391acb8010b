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

# XML limits as JVM defaults, for any parser a library might use (pace42's own parses are hardened anyway, and
# the jar sets the same defaults itself). JAVA_OPTS comes after, so -D there overrides these.
XML_LIMITS="-Djdk.xml.entityExpansionLimit=1000 -Djdk.xml.maxGeneralEntitySizeLimit=65536 \
-Djdk.xml.maxParameterEntitySizeLimit=65536 -Djdk.xml.totalEntitySizeLimit=1000000 \
-Djdk.xml.entityReplacementLimit=100000 -Djdk.xml.maxElementDepth=64 -Djdk.xml.elementAttributeLimit=200 \
-Djdk.xml.maxXMLNameLimit=1000 -Djavax.xml.accessExternalDTD= -Djavax.xml.accessExternalSchema= \
-Djavax.xml.accessExternalStylesheet="

# shellcheck disable=SC2086 # both are lists of options
java $XML_LIMITS ${JAVA_OPTS:-} -jar "$JAR" server "$CONFIG" &
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
