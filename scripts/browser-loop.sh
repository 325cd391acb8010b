#!/usr/bin/env bash
# Runs every browser test class (those that start HeadlessChromium) N times in a row, default 20, and counts
# the runs that failed: a race between the tests and the browser shows up here, not in a newcomer's first build.
# Builds once, then each run reuses the compiled classes (offline, main sources not recompiled, no enforcer).
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${1:-20}
classes=$(grep -rl --include='*.java' 'HeadlessChromium.start' server/src/test/java | xargs -n1 basename \
  | sed 's/\.java$//' | sort | paste -sd, -)
logs=server/target/browser-loop
mvn -B -ntp -q -pl server -am test-compile || exit 1
mkdir -p "$logs"

failed=0
for i in $(seq 1 "$runs"); do
  started=$(date +%s)
  if mvn -B -ntp -o -pl server -am test -Dtest="$classes" -Dsurefire.failIfNoSpecifiedTests=false \
      -Dmaven.main.skip=true -Denforcer.skip=true >"$logs/run-$i.log" 2>&1; then
    echo "run $i/$runs: ok ($(( $(date +%s) - started )) s)"
  else
    failed=$((failed + 1))
    cp -r server/target/surefire-reports "$logs/reports-$i" 2>/dev/null
    echo "run $i/$runs: FAILED ($(( $(date +%s) - started )) s; see $logs/run-$i.log and $logs/reports-$i)"
  fi
done
echo "browser tests ($classes): $failed of $runs runs failed"
[ "$failed" -eq 0 ]
