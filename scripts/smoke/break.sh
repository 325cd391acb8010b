#!/usr/bin/env bash
# Breaks one row of the smoke matrix on purpose (SMOKE_BREAK, see scripts/smoke-run.sh) by adding a higher-priority
# WireMock stub, so the run must fail and name the failing step. Usage: break.sh <row> <wiremock-url> <mode>
set -euo pipefail
row=$1 wm=$2 mode=$3
stub() { curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "$1" "$wm/__admin/mappings"; }
case "$row" in
  "") ;;
  row1) # the Telegram Bot API refuses every message: the /connect code never reaches the Telegram chat
    stub '{"priority":0,"request":{"method":"POST","urlPathPattern":"/bot[^/]+/(sendMessage|sendmessage)"},
      "response":{"status":500,"headers":{"Content-Type":"application/json"},
      "body":"{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}"}}' ;;
  row2) # Garmin fails the activity list for the first user
    stub '{"priority":0,"request":{"method":"GET","urlPath":"/activitylist-service/activities/search/activities"},
      "response":{"status":500,"headers":{"Content-Type":"text/html"},"body":"<html>Internal error</html>"}}' ;;
  row3) # Garmin's token exchange hands the second user the first user's session: the old runs come back
    ada=$(jq -r '.mappings[] | select(.request.bodyPatterns[0].contains == "service_ticket=ST-1-ada-sso")
      | .response.body' scripts/smoke/wiremock/mappings/garmin.json)
    stub "$(jq -n --arg body "$ada" '{priority:0,request:{method:"POST",urlPath:"/di-oauth2-service/oauth/token",
      bodyPatterns:[{contains:"service_ticket=ST-2-ben-sso"}]},
      response:{status:200,headers:{"Content-Type":"application/json"},body:$body}}')" ;;
  row4) ;; # smoke-test.sh swaps the two browsers' cookies for one request (a balancer mixing up sessions)
  row5) # Open-Meteo fails
    stub '{"priority":0,"request":{"method":"GET","urlPathPattern":"(/v1)?/forecast"},
      "response":{"status":500,"headers":{"Content-Type":"application/json"},
      "body":"{\"error\":true,\"reason\":\"Internal error\"}"}}' ;;
  vault) # Vault is sealed: every KV call answers 503
    [ "$mode" = vault ] && stub '{"priority":0,"request":{"method":"ANY","urlPathPattern":"/v1/.*"},
      "response":{"transformers":["fake-vault"],"transformerParameters":{"sealed":true}}}' ;;
  *) echo "SMOKE_BREAK must be one of row1..row5 or vault, not '$row'" >&2; exit 2 ;;
esac
