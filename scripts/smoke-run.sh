#!/usr/bin/env bash
# The smoke run: starts WireMock (standing in for Garmin, the Telegram Bot API, Open-Meteo and, in the Vault mode,
# Vault's KV v2 engine) and the built jar on fresh data and free loopback ports, runs scripts/smoke-test.sh (the
# product's five-row test matrix) against it, stops both. Then the same once more with the secret store on Vault.
# scripts/test.sh runs this after `mvn verify`; it needs server/target/pace42.jar and bot-core/target/test-classes.
#
# Environment:
#   SMOKE_MODES      "local vault" (default), or one of them
#   SMOKE_ARTIFACTS  where each step's request, response and server-log slice go (default target/smoke-artifacts)
#   SMOKE_BREAK      break one row on purpose, to see the run fail and name the step (RUNBOOK "Smoke run"):
#                    row1 (the Telegram Bot API refuses every message), row2 (Garmin answers the activity list
#                    with 500), row3 (Garmin hands the second user the first user's session), row4 (one of A's
#                    browser requests carries B's session, as a balancer mixing sessions up would), row5
#                    (Open-Meteo answers 500), vault (the Vault stand-in is sealed; Vault mode)
#   SMOKE_ROW4_REQUESTS  total interleaved requests in row 4 (default 1000; 200 in the Vault mode)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

JAR=server/target/pace42.jar
# The Vault stand-in (bot-core's FakeVault, a WireMock extension following Vault's KV v2 contract) is a test class.
TEST_CLASSES=bot-core/target/test-classes
WIREMOCK_JAR=${WIREMOCK_JAR:-$(ls "${HOME}"/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar 2>/dev/null \
  | grep -v -- '-sources' | sort -V | tail -n 1)}
[ -f "$JAR" ] || { echo "smoke run: $JAR is missing (run mvn package first)" >&2; exit 1; }
[ -f "$TEST_CLASSES/ai/pace42/bot/secrets/FakeVault.class" ] || { echo "smoke run: $TEST_CLASSES is missing (run mvn verify first)" >&2; exit 1; }
[ -f "$WIREMOCK_JAR" ] || { echo "smoke run: wiremock-standalone is not in ~/.m2 (mvn verify downloads it)" >&2; exit 1; }

# A port nothing listens on (bash's /dev/tcp connect fails), picked at random from the ephemeral range.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

await() { # url, pid, what, log (up to 2 minutes: a loaded 2-core machine starts the jar slowly)
  for _ in $(seq 1 240); do
    kill -0 "$2" 2>/dev/null || { echo "smoke run: $3 did not start:" >&2; tail -40 "$4" >&2; return 1; }
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "smoke run: $3 did not answer in 120 s" >&2
  return 1
}

# Garmin's detail view with n 1 Hz rows (the descriptor layout of the recorded payloads, see garmin-client Fixtures).
details() { # id, rows
  awk -v id="$1" -v n="$2" 'BEGIN {
    printf "{\"activityId\":%d,\"measurementCount\":6,\"metricsCount\":%d,\"totalMetricsCount\":%d,\"metricDescriptors\":[", id, n, n
    split("directTimestamp directSpeed directElevation directHeartRate sumDistance directDoubleCadence", k, " ")
    for (i = 1; i <= 6; i++) printf "%s{\"metricsIndex\":%d,\"key\":\"%s\",\"unit\":{\"id\":1,\"key\":\"x\",\"factor\":100.0}}", (i > 1 ? "," : ""), i - 1, k[i]
    printf "],\"activityDetailMetrics\":["
    t0 = 1767881421000; d = 0
    for (i = 0; i < n; i++) {
      s = 3.0 + 0.3 * sin(i / 60.0); d += s
      printf "%s{\"metrics\":[%.0f,%.3f,%.2f,%.1f,%.1f,%d]}", (i > 0 ? "," : ""), t0 + i * 1000, s, 100 + 5 * sin(i / 300.0), 140 + 10 * sin(i / 500.0), d, 170 + i % 3
    }
    printf "],\"heartRateDTOs\":null,\"detailsAvailable\":true}\n" }'
}

# 48 hourly values from the current hour (GMT), 13.7 °C throughout: the figure row 5 looks for.
forecast() {
  local times="" temps="" codes="" probs="" winds="" h
  for h in $(seq 0 47); do
    times+="${times:+,}\"$(date -u -d "+$h hour" +%Y-%m-%dT%H:00)\""
    temps+="${temps:+,}13.7"; codes+="${codes:+,}3"; probs+="${probs:+,}10"; winds+="${winds:+,}9.4"
  done
  printf '{"latitude":52.52,"longitude":13.419998,"generationtime_ms":0.05,"utc_offset_seconds":0,"timezone":"GMT",'
  printf '"timezone_abbreviation":"GMT","elevation":38.0,"hourly_units":{"time":"iso8601","temperature_2m":"°C",'
  printf '"apparent_temperature":"°C","precipitation_probability":"%%","weather_code":"wmo code","wind_speed_10m":"km/h"},'
  printf '"hourly":{"time":[%s],"temperature_2m":[%s],"apparent_temperature":[%s],"precipitation_probability":[%s],' \
    "$times" "$temps" "$temps" "$probs"
  printf '"weather_code":[%s],"wind_speed_10m":[%s]}}\n' "$codes" "$winds"
}

run_mode() { # local | vault
  local mode=$1 work wm_port port admin_port wm_pid pid status=0
  work=$(mktemp -d)
  mkdir -p "$work/wiremock/mappings" "$work/wiremock/__files"
  cp scripts/smoke/wiremock/mappings/*.json "$work/wiremock/mappings/"
  details 9100001 1800 > "$work/wiremock/__files/details-ada.json"
  details 9200002 2700 > "$work/wiremock/__files/details-ben.json"
  forecast > "$work/wiremock/__files/forecast.json"
  wm_port=$(free_port)
  # FakeVault uses Jackson, which the standalone WireMock only has shaded: the jar's copy is on the class path.
  java -Xmx256m -cp "$WIREMOCK_JAR:$TEST_CLASSES:$JAR" wiremock.Run --port "$wm_port" --bind-address 127.0.0.1 \
    --root-dir "$work/wiremock" --extensions ai.pace42.bot.secrets.FakeVault --disable-banner > "$work/wiremock.out" 2>&1 &
  wm_pid=$!
  port=$(free_port)
  admin_port=$(free_port)
  local wm="http://127.0.0.1:$wm_port"
  local -a env=(PACE42_DATA_DIR="$work/data" PACE42_PORT="$port" PACE42_ADMIN_PORT="$admin_port"
    PACE42_PUBLIC_URL="http://127.0.0.1:$port" PACE42_LOG_FORMAT=json
    GARMIN_CONNECTAPI_URL="$wm" GARMIN_SSO_URL="$wm" GARMIN_DIAUTH_URL="$wm" GARMIN_APIS_URL="$wm"
    GARMIN_CONNECT_URL="$wm"
    TELEGRAM_BOT_TOKEN="7000000001:AAsmokeTestTokenOnly_abcdefghijklmn" TELEGRAM_API_URL="$wm"
    TELEGRAM_MODE=webhook TELEGRAM_WEBHOOK_SECRET="smoke_Webhook-secret42"
    PACE42_WEATHER_FORECAST_URL="$wm" PACE42_WEATHER_GEOCODING_URL="$wm")
  local row4=${SMOKE_ROW4_REQUESTS:-1000}
  if [ "$mode" = vault ]; then
    env+=(PACE42_SECRET_STORE=vault VAULT_ADDR="$wm" VAULT_TOKEN=hvs.test-root-token)
    row4=${SMOKE_ROW4_REQUESTS:-200} # isolation does not depend on the secret store: row 4 smaller here
  fi
  await "$wm/__admin/mappings" "$wm_pid" "WireMock" "$work/wiremock.out" || return 1
  bash scripts/smoke/break.sh "${SMOKE_BREAK:-}" "$wm" "$mode"
  env "${env[@]}" java -Xmx512m -jar "$JAR" server config/pace42.yml > "$work/server.out" 2>&1 &
  pid=$!
  # shellcheck disable=SC2064
  trap "kill $pid $wm_pid 2>/dev/null || true" EXIT
  if ! await "http://127.0.0.1:$admin_port/ping" "$pid" "the server" "$work/server.out"; then
    kill "$wm_pid" 2>/dev/null || true
    return 1
  fi
  echo "== smoke run, secret store: $mode =="
  SMOKE_WIREMOCK="$wm" SMOKE_SERVER_LOG="$work/server.out" SMOKE_MODE="$mode" \
    SMOKE_ARTIFACTS="$artifacts/$mode" TELEGRAM_WEBHOOK_SECRET="smoke_Webhook-secret42" \
    SMOKE_ROW4_REQUESTS="$row4" \
    bash scripts/smoke-test.sh "http://127.0.0.1:$port" || status=$?
  cp "$work/server.out" "$artifacts/$mode/server.log"
  cp "$work/wiremock.out" "$artifacts/$mode/wiremock.log"
  kill "$pid" "$wm_pid" 2>/dev/null || true
  wait "$pid" "$wm_pid" 2>/dev/null || true
  trap - EXIT
  rm -rf "$work"
  return "$status"
}

artifacts=${SMOKE_ARTIFACTS:-$root/target/smoke-artifacts}
rm -rf "$artifacts"
mkdir -p "$artifacts"
# The modes run side by side (own ports, data and WireMock each); their reports are printed in order.
overall=0
declare -A pids
for mode in ${SMOKE_MODES:-local vault}; do
  mkdir -p "$artifacts/$mode"
  run_mode "$mode" > "$artifacts/$mode/report.txt" 2>&1 &
  pids[$mode]=$!
done
for mode in ${SMOKE_MODES:-local vault}; do
  status=0
  wait "${pids[$mode]}" || status=$?
  cat "$artifacts/$mode/report.txt"
  [ "$status" -eq 0 ] || { overall=1; echo "smoke run ($mode) failed; artifacts in $artifacts/$mode" >&2; }
done
[ "$overall" -eq 0 ] && echo "smoke run passed; artifacts in $artifacts"
exit "$overall"
