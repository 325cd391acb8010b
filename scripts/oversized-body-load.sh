#!/usr/bin/env bash
# Oversized and slow request bodies against the built jar on 127.0.0.1 with a 512 MB heap, while one normal user
# keeps asking /help. Prints the attack outcomes, the heap high-water mark (admin port /metrics,
# jvm.memory.heap.used) and how many of the other user's requests were answered. Bounded in time; loopback only.
# Build first: mvn -B -ntp -q -pl server -am package -DskipTests
#   scripts/oversized-body-load.sh [seconds=60] [oversized-parallel=24] [slow-parallel=8] [jar=server/target/pace42.jar]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
oversized=${2:-24}
slow=${3:-8}
jar=${4:-server/target/pace42.jar}
port=${LOAD_PORT:-18280}
admin=${LOAD_ADMIN_PORT:-18281}
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -B -ntp -q -pl server -am package -DskipTests)"; exit 2; }
data=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

PACE42_DATA_DIR="$data" PACE42_PORT=$port PACE42_ADMIN_PORT=$admin PACE42_BIND_HOST=127.0.0.1 \
  PACE42_ADMIN_BIND_HOST=127.0.0.1 PACE42_LOG_DIR="$data/logs" \
  java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$jar" server config/pace42.yml > "$data/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 120); do
  curl -fs "http://127.0.0.1:$admin/ping" > /dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "server did not start"; tail -20 "$data/server.out"; exit 1; }
  sleep 1
done

status=0
java scripts/OversizedBodyLoad.java 127.0.0.1 "$port" "$admin" "$seconds" "$oversized" "$slow" || status=$?
if kill -0 "$server_pid" 2>/dev/null; then
  echo "server: still up after the run"
else
  echo "server: DIED during the run"; grep -m3 -i 'OutOfMemory' "$data/server.out" || true; status=1
fi
exit $status
