#!/usr/bin/env bash
# Scripted load run against a running server (scripts/start.sh): N chat requests at concurrency C, reporting
# p50/p95/max latency and the error rate. Loopback only; bounded in count. Usage:
#   scripts/perf-smoke.sh [requests=200] [concurrency=8] [message="/help"] [base=http://localhost:8080]
set -euo pipefail
n=${1:-200}
c=${2:-8}
message=${3:-/help}
base=${4:-${PACE42_URL:-http://localhost:8080}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each worker is its own browser (own cookie, own account) and first asks for the sample athlete.
one() {
  local jar="$work/cookies.$1" body
  body=$(printf '{"message":%s}' "$(printf '%s' "$message" | python3 -c 'import json,sys;print(json.dumps(sys.stdin.read()))')")
  [ -f "$jar" ] || curl -s -o /dev/null -c "$jar" -b "$jar" -H 'Content-Type: application/json' \
      -d '{"message":"/sample"}' "$base/api/v1/chat"
  curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{http_code} %{time_total}\n' \
      -H 'Content-Type: application/json' -d "$body" "$base/api/v1/chat"
}
export -f one
export work message base

start=$(date +%s.%N)
seq "$n" | awk -v c="$c" '{print $1 % c}' | xargs -P "$c" -I{} bash -c 'one {}' > "$work/results"
end=$(date +%s.%N)

python3 - "$work/results" "$start" "$end" "$message" "$c" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
times = sorted(float(t) * 1000 for _, t in rows)
errors = sum(1 for code, _ in rows if not code.startswith("2"))
def pct(p): return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]
elapsed = float(sys.argv[3]) - float(sys.argv[2])
print(f'message="{sys.argv[4]}" requests={len(rows)} concurrency={sys.argv[5]} '
      f'p50={pct(50):.0f}ms p95={pct(95):.0f}ms max={times[-1]:.0f}ms '
      f'errors={errors} ({100 * errors / len(rows):.1f}%) throughput={len(rows) / elapsed:.1f}/s')
sys.exit(1 if errors else 0)
PY
