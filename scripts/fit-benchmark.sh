#!/usr/bin/env bash
# FIT import, side by side: pace42's FitImporter (JMH) and npm fit-file-parser 6.x (Node 20), both in-process and
# warm, on the same generated files (garmin-client/target/fit-bench/files). Opt-in, never part of `mvn verify`:
# needs Node 20 and npm, and the npm registry the first time (`npm ci` installs the pinned parser).
# Usage: scripts/fit-benchmark.sh      Figures and how to read them: garmin-client/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=garmin-client/target/fit-bench
bench=garmin-client/bench/fit-compare

command -v node >/dev/null || { echo "fit-benchmark: Node 20 is needed (node not found)" >&2; exit 2; }
# A relative output file is per module, so garmin-client's own test classpath lands in garmin-client/target.
mvn -B -q -ntp -pl garmin-client -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="garmin-client/target/test-classes:garmin-client/target/classes:$(cat garmin-client/target/bench-classpath.txt)"

echo "== files"
java -cp "$cp" ai.pace42.garmin.bench.FitBenchFiles "$out/files"

echo "== fit-file-parser (load: $(uptime | sed 's/.*load average: //'))"
(cd "$bench" && npm ci --no-audit --no-fund --silent)
node "$bench/parse-bench.js" "$out/files" "$out/node.json"

echo "== pace42 FitImporter, JMH (load: $(uptime | sed 's/.*load average: //'))"
java -cp "$cp" ai.pace42.garmin.bench.BenchMain FitImportBenchmark -p dir="$PWD/$out/files" \
    -wi 5 -w 1 -i 10 -r 1 -rf json -rff "$out/jmh.json" | grep -E '^(Benchmark|FitImportBenchmark)' || true

echo "== side by side (load after: $(uptime | sed 's/.*load average: //'))"
node "$bench/side-by-side.js" "$out/jmh.json" "$out/node.json"
