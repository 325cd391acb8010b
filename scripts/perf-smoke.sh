#!/usr/bin/env bash
# Scripted load run: starts the built jar on 127.0.0.1 with a fresh data directory and drives it with
# scripts/ChatLoad.java (keep-alive clients, one account per simulated user, warm-up, p50/p95/p99, answers/s,
# errors and 5xx, bytes per answer; see docs/performance.md). Samples the heap with jstat throughout and
# prints its high-water mark. Bounded in time; loopback only.
# Build first: mvn -B -ntp -q -pl server -am package -DskipTests
#   scripts/perf-smoke.sh [users=16] [seconds=30|xN] [warmup=10] [mix="q1|q2|..."]        (browser chat API)
#   PERF_MODE=telegram scripts/perf-smoke.sh [users=8] [seconds=30] [warmup=10] [mix]     (Telegram webhook)
#   PERF_PREFILL=1000 scripts/perf-smoke.sh 16 30    (1,000 other accounts warm first: the memory figure)
#   PERF_TIMEOUT=90 scripts/perf-smoke.sh ...          (per-request time-out in s, default 30: for a loaded machine)
#   PERF_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/p.jfr" scripts/perf-smoke.sh ...   (profile the server)
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-16}
seconds=${2:-30}
warmup=${3:-10}
mix=${4:-}
mode=${PERF_MODE:-chat}
jar=${PERF_JAR:-server/target/pace42.jar}
heap=${PERF_HEAP:-512m}
port=${LOAD_PORT:-18380}
admin=${LOAD_ADMIN_PORT:-18381}
stub=${LOAD_STUB_PORT:-18382}
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -B -ntp -q -pl server -am package -DskipTests)"; exit 2; }
data=$(mktemp -d)
server_pid=
sampler_pid=
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
# A TERM or INT (e.g. from `timeout`) exits through the EXIT trap, so the server is not left running.
trap "exit 143" TERM INT

extra=()
if [ "$mode" = telegram ]; then
  secret=load-secret-$$
  extra=(TELEGRAM_BOT_TOKEN=4242:load-test TELEGRAM_API_URL="http://127.0.0.1:$stub" TELEGRAM_MODE=webhook
         TELEGRAM_WEBHOOK_SECRET="$secret" PACE42_PUBLIC_URL="http://127.0.0.1:$port")
  # The Bot API stub must answer getMe before the server starts: ChatLoad starts it, the server waits for it.
fi

start_server() {
  env PACE42_FREE_QUESTIONS="${PACE42_FREE_QUESTIONS:-100000000}" PACE42_DATA_DIR="$data" PACE42_PORT=$port PACE42_ADMIN_PORT=$admin PACE42_BIND_HOST=127.0.0.1 \
    PACE42_ADMIN_BIND_HOST=127.0.0.1 PACE42_LOG_DIR="$data/logs" "${extra[@]}" \
    java ${PERF_JAVA_OPTS:-} -Xmx"$heap" -XX:+ExitOnOutOfMemoryError -jar "$jar" server config/pace42.yml > "$data/server.out" 2>&1 &
  server_pid=$!
  for _ in $(seq 180); do
    curl -fs "http://127.0.0.1:$admin/ping" > /dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "server did not start"; tail -20 "$data/server.out"; exit 1; }
    sleep 1
  done
  echo "server not healthy after 180 s"; exit 1
}

# Heap used (survivors + eden + old, jstat -gc in KB) every 0.5 s. jstat reads the JVM's shared performance
# counters, so sampling costs the server nothing; polling the admin /metrics page instead serialised every metric
# to JSON twice a second, about 13% of the server's CPU in a /help run (issue #19 profile).
sample_heap() {
  jstat -gc "$server_pid" 500 2>/dev/null | awk -v out="$data/heap.max" \
    'NR > 1 && $1 ~ /^[0-9.]+$/ { u = ($3 + $4 + $6 + $8) * 1024
       if (u > m) { m = u; printf "%d\n", m > (out ".new"); close(out ".new"); system("mv " out ".new " out) } }'
}

status=0
if [ "$mode" = telegram ]; then
  # ChatLoad starts the Bot API stub and then waits for the webhook; start the server meanwhile.
  java -Dserver.pid="${server_pid:-}" scripts/ChatLoad.java telegram "http://127.0.0.1:$port" "$users" "$warmup" "$seconds" "$stub" "$secret" "$mix" \
    > "$data/load.out" 2>&1 &
  load_pid=$!
  sleep 3
  start_server
  sample_heap & sampler_pid=$!
  wait "$load_pid" || status=$?
  cat "$data/load.out"
else
  start_server
  sample_heap & sampler_pid=$!
  java -Drequest.timeout="${PERF_TIMEOUT:-30}" -Dprefill="${PERF_PREFILL:-0}" -Dserver.pid="$server_pid" scripts/ChatLoad.java chat "http://127.0.0.1:$port" "$users" "$warmup" "$seconds" "$mix" \
    || status=$?
fi
hw=$(cat "$data/heap.max" 2>/dev/null || true)
echo "heap high-water mark (jstat -gc: survivors + eden + old, sampled every 0.5 s): $(( ${hw:-0} / 1048576 )) MB of -Xmx$heap"
if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "server: DIED during the run"; tail -5 "$data/server.out"; status=1
fi
exit $status
