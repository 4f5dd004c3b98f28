#!/usr/bin/env bash
# The README's quickstart as a script: from an empty database to a disbursed, monitored loan in a dozen calls.
# Usage: docs/quickstart.sh [base-url] [admin-key]   (defaults: http://localhost:8080 and $IPLEDGE_BOOTSTRAP_ADMIN_KEY)
# Needs bash and curl only. The test suite runs it against a started service (QuickstartScriptTest).
set -euo pipefail
BASE="${1:-http://localhost:8080}"
ADMIN="${2:-${IPLEDGE_BOOTSTRAP_ADMIN_KEY:?set IPLEDGE_BOOTSTRAP_ADMIN_KEY or pass the admin key}}"
RUN="$(date +%s%N | tail -c 7)"   # makes codes unique so the walkthrough can run twice on one database

call() {   # call METHOD PATH KEY [JSON] -> prints the body; fails on a non-2xx answer
  local method=$1 path=$2 key=$3 body=${4:-}
  local out status
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$BASE$path" \
    -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" ${body:+-d "$body"})
  if [ "${status:0:1}" != "2" ]; then echo "$method $path -> $status $(cat "$out")" >&2; rm -f "$out"; exit 1; fi
  cat "$out"; rm -f "$out"
}
field() { sed -E "s/.*\"$1\":\"?([^\",}]*)\"?.*/\1/"; }   # the first value of a top-level field

# every date is a business date (Beijing's): ask the service, never this machine's calendar
TODAY=$(curl -sS "$BASE/api/v1/business-date" | field businessDate)
THIS_YEAR=${TODAY:0:4}

# 1. the admin creates a bank, 2-3. an officer's and an approver's API keys, 4. the bureau's key
BANK=$(call POST /api/v1/admin/banks "$ADMIN" "{\"code\":\"QS$RUN\",\"name\":\"Quickstart Bank\"}" | field id)
OFFICER=$(call POST /api/v1/admin/api-keys "$ADMIN" "{\"role\":\"BANK_OFFICER\",\"bankId\":\"$BANK\",\"label\":\"officer\"}" | field key)
APPROVER=$(call POST /api/v1/admin/api-keys "$ADMIN" "{\"role\":\"BANK_APPROVER\",\"bankId\":\"$BANK\",\"label\":\"approver\"}" | field key)
BUREAU=$(call POST /api/v1/admin/api-keys "$ADMIN" "{\"role\":\"BUREAU\",\"label\":\"bureau\"}" | field key)
# 5. the bureau sets the bank's earmarked credit plan for this year
call POST /api/v1/quota-plans "$BUREAU" "{\"bankId\":\"$BANK\",\"year\":$THIS_YEAR,\"amount\":\"50000000\"}" >/dev/null
# 6. the officer registers the borrower (its size class comes back) and 7. its invention patent
CODE="91620100MA$(printf '%07d' $((10#$RUN % 10000000)))"
BORROWER=$(call POST /api/v1/borrowers "$OFFICER" "{\"name\":\"兰州绿源节能科技有限公司\",\"creditCode\":\"$(bash "$(dirname "$0")/credit-code.sh" "$CODE")\",\"industryCode\":\"C3911\",\"ecoIndustry\":\"ENERGY_SAVING_ENVIRONMENTAL\",\"regionCode\":\"620100\",\"employees\":120,\"operatingRevenue\":\"80000000\",\"totalAssets\":\"52000000\",\"foundedOn\":\"2012-05-18\"}")
BORROWER_ID=$(echo "$BORROWER" | field id)
OWNER=$(echo "$BORROWER" | field creditCode)
YEAR=$(( THIS_YEAR - 3 ))
PATENT=$(bash "$(dirname "$0")/patent-number.sh" "${YEAR}1$(printf '%07d' $((10#$RUN % 10000000)))")
ASSET=$(call POST /api/v1/ip-assets "$OFFICER" "{\"type\":\"INVENTION_PATENT\",\"number\":\"ZL$PATENT\",\"title\":\"一种高效余热回收装置\",\"ownerCreditCode\":\"$OWNER\",\"filingDate\":\"$YEAR-03-01\",\"grantDate\":\"$((YEAR + 2))-06-01\",\"legalStatus\":\"VALID\",\"claims\":12,\"forwardCitations\":7,\"familySize\":3}" | field id)
# 8. the application, 9. its evaluation (valuation, PD, rule base), 10. the approver's decision (reserves quota)
APP=$(call POST /api/v1/applications "$OFFICER" "{\"borrowerId\":\"$BORROWER_ID\",\"requestedAmount\":\"300000\",\"termMonths\":12,\"purpose\":\"购买生产设备\",\"collateral\":[{\"assetId\":\"$ASSET\"}]}" | field id)
DECISION=$(call POST "/api/v1/applications/$APP/evaluation" "$OFFICER" | field decision)
echo "decision: $DECISION"
LOAN=$(call POST "/api/v1/applications/$APP/approval" "$APPROVER" '{"approve":true,"note":"quickstart"}' | field loanId)
# 11. the pledge is registered with CNIPA, 12. the loan is disbursed (quota drawn, schedule made)
call POST "/api/v1/loans/$LOAN/pledge-registration" "$OFFICER" "{\"registrationNo\":\"Y$RUN\",\"registeredOn\":\"$TODAY\"}" >/dev/null
STATUS=$(call POST "/api/v1/loans/$LOAN/disbursement" "$OFFICER" '{}' | field status)
echo "loan $LOAN: $STATUS"
# 13. monitoring: the registry reports the patent in litigation; the bank sees the alert
if call POST /api/v1/monitoring/events "$OFFICER" "{\"assetNumber\":\"$PATENT\",\"type\":\"LITIGATION\",\"occurredOn\":\"$TODAY\"}" >/dev/null 2>&1; then
  echo "alerts: $(call GET "/api/v1/alerts?loanId=$LOAN" "$OFFICER" | grep -o '"ruleId"' | wc -l)"
fi
# the audit chain holds together
echo "audit ok: $(call GET /api/v1/audit/verify "$BUREAU" | field ok)"
