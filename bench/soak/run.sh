#!/usr/bin/env bash
# Soak: SOAK_MINUTES (default 30) of steady mixed traffic on loopback — page views, API reads and feeds, test
# results as the CI account, update submits as alice (wrk with bench/soak/traffic.lua), and a push each minute as
# admin — sampling every minute the heap after a full GC (jcmd), the open database connections (pg_stat_activity)
# and the server's threads. Writes the table, the start and end figures, the error count and a verdict
# (flat/grows) to bench/soak/RESULTS.md. Goal: flat, 0 errors.
# SOAK_COOKIES=keep (default): each connection keeps its session cookie, as a browser does; =drop: page views come
# without one, as from a crawler or a monitor (the figures then go to bench/soak/RESULTS-drop-cookies.md).
# Usage: [SOAK_MINUTES=30] [SOAK_CONNECTIONS=4] [SOAK_DELAY_MS=100] [SOAK_COOKIES=keep] bench/soak/run.sh
# Needs wrk, curl, psql, jcmd; run after `mvn -DskipTests package`, with nothing else busy on the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
MINUTES=${SOAK_MINUTES:-30}
CONNECTIONS=${SOAK_CONNECTIONS:-4}
DELAY_MS=${SOAK_DELAY_MS:-100}
COOKIES=${SOAK_COOKIES:-keep}
OUT=bench/soak/RESULTS.md
[ "$COOKIES" = keep ] || OUT=bench/soak/RESULTS-drop-cookies.md
PORT=${BENCH_PORT:-18082}
DATA=target/bench-soak
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}
B=http://localhost:$PORT
. bench/paddock.sh
start_paddock

CI=$(issue_token ci)
ALICE=$(issue_token alice)
ADMIN=$(issue_token admin)
# one update for the update page to show
alias=$(curl -sf -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' "$B/api/v1/updates" -d '{
  "release": "F45", "type": "security", "severity": "important", "title": "soak: the update page",
  "references": [{"kind": "cve", "id": "CVE-2026-31001"}],
  "newBuilds": [{"name": "nginx", "stream": "1.24", "version": 4520261201110000, "context": "50a50000", "arch": "x86_64",
                 "rpms": [{"nevra": "nginx-1.24.0-3.module_f45+3+50a50000.x86_64"}]}]}' | sed 's/.*"alias":"\([^"]*\)".*/\1/')
echo "Update page: /update.xhtml?alias=$alias"

heap_after_gc() {  # MB used right after a full collection
  jcmd "$PID" GC.run > /dev/null
  # G1: "garbage-first heap total …, used …K"; serial and parallel: one line per generation
  jcmd "$PID" GC.heap_info | awk '/(heap|generation) +total/ {for (i = 1; i < NF; i++) if ($i == "used") s += $(i+1)}
                                  END {printf "%.0f", s / 1024}'
}
connections() { $PSQL -At -c "select count(*) from pg_stat_activity where application_name = 'paddock'"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$PID/status"; }
sessions() { jcmd "$PID" GC.class_histogram | awk '$4 == "org.apache.catalina.session.StandardSession" {n = $2} END {print n + 0}'; }
push_errors=0
push() {  # admin pushes now; anything but 200 counts as an error
  local status
  status=$(curl -s -o "$DATA/push.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $ADMIN" "$B/api/v1/pushes")
  [ "$status" = 200 ] || { push_errors=$((push_errors + 1)); echo "push answered $status: $(head -c 300 "$DATA/push.json")"; }
}

SAMPLES=$DATA/samples.md
echo "| minute | heap after GC | DB connections | threads | HTTP sessions | updates | results |" > "$SAMPLES"
echo "|---|---|---|---|---|---|---|" >> "$SAMPLES"
sample() {
  local row
  row="| $1 | $(heap_after_gc) MB | $(connections) | $(threads) | $(sessions) | $($PSQL -At -c 'select count(*) from module_update') | $($PSQL -At -c 'select count(*) from test_result') |"
  echo "$row" | tee -a "$SAMPLES"
}
sample 0

wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${MINUTES}m" --timeout 30s -s bench/soak/traffic.lua "$B" \
  -- "$alias" "$CI" "$ALICE" "$DELAY_MS" "$COOKIES" > "$DATA/wrk.txt" 2>&1 &
WRK=$!
began=$(date +%s)
sleep_until() { local s=$(($1 - $(date +%s))); [ "$s" -le 0 ] || sleep "$s"; }
for minute in $(seq 1 "$MINUTES"); do
  sleep_until $((began + minute * 60 - 5))   # the minute's push, then its sample
  push
  sleep_until $((began + minute * 60))
  sample "$minute"
done
wait $WRK
cat "$DATA/wrk.txt"

figure() { awk -v m="$1" -v c="$2" -F' *\\| *' '$2 == m {print $c}' "$SAMPLES" | grep -o '^[0-9]*'; }
requests=$(awk '$1 == "requests" {print $2}' "$DATA/wrk.txt")
socket_errors=$(awk '$1 == "socket_errors" {print $2}' "$DATA/wrk.txt")
http_errors=$(awk '$1 == "errors" {s += $3} END {print s + 0}' "$DATA/wrk.txt")
errors=$((http_errors + socket_errors + push_errors))
# warm-up (JIT, caches, first pages) happens in minute 1: growth is judged from there to the end
h1=$(figure 1 3); hN=$(figure "$MINUTES" 3); t1=$(figure 1 5); tN=$(figure "$MINUTES" 5); cN=$(figure "$MINUTES" 4)
s1=$(figure 1 6); sN=$(figure "$MINUTES" 6)
grew=""
[ "$hN" -le $((h1 * 125 / 100 + 16)) ] || grew="$grew heap (${h1} → ${hN} MB)"
[ "$tN" -le $((t1 + 10)) ] || grew="$grew threads (${t1} → ${tN})"
[ "$cN" -le 20 ] || grew="$grew connections (${cN}, the pool holds at most 20)"
[ "$sN" -le $((s1 + CONNECTIONS)) ] || grew="$grew HTTP sessions (${s1} → ${sN}; each lives 60 minutes)"
verdict=${grew:+grows:$grew}
verdict=${verdict:-flat}
# what the 500s were, from the server log (ErrorMappers logs each with its exception)
causes=$(grep -A2 "Unexpected failure answering" "$DATA/server.log" | grep -o '^[a-z][A-Za-z0-9_.]*\(Exception\|Error\)' \
  | sort | uniq -c | awk '{printf "%s%d × `%s`", (NR > 1 ? ", " : ""), $1, $2}' || true)
goal="met"
[ "$verdict" = flat ] && [ "$errors" -eq 0 ] || goal="not met"
short=""
[ "$MINUTES" -ge 30 ] || short="**This was a short run ($MINUTES minutes, SOAK_MINUTES=$MINUTES) made while developing the script; the
30-minute run replaces it.**"

{
  echo "# Soak — results"
  echo
  echo "Command: \`SOAK_MINUTES=$MINUTES SOAK_COOKIES=$COOKIES bench/soak/run.sh\` (after \`mvn -DskipTests package\`), $(date -u +%F), $(nproc) cores,"
  echo "Paddock with \`$BENCH_JAVA_OPTS\` and its embedded PostgreSQL; wrk with $CONNECTIONS connections, each waiting ${DELAY_MS} ms"
  echo "between requests; page views $( [ "$COOKIES" = keep ] && echo "keep their session cookie, as a browser does" || echo "come without a cookie, as from a crawler or a monitor: each opens a new session")."
  echo
  [ -z "$short" ] || { echo "$short"; echo; }
  echo "Traffic (bench/soak/traffic.lua), round and round: the home page, the Updates page, an update's page,"
  echo "\`/api/v1/updates\`, \`/api/v1/advisories\`, testing \`updateinfo.xml\`, \`/feeds/atom.xml\`, \`/api/v2.0/results\`; every 5th"
  echo "request posts a test result as \`ci\`, every 50th submits a new update as \`alice\`; an admin push"
  echo "(\`POST /api/v1/pushes\`) each minute, which moves the submitted updates to testing. Every minute: a full GC, then"
  echo "the heap used (\`jcmd GC.heap_info\`), the connections Paddock holds (\`pg_stat_activity\`, application \`paddock\`),"
  echo "the server's threads (\`/proc/PID/status\`) and the HTTP sessions it holds (\`jcmd GC.class_histogram\`)."
  echo
  echo "| | start (minute 1) | end (minute $MINUTES) |"
  echo "|---|---|---|"
  echo "| heap after GC | $h1 MB | $hN MB |"
  echo "| DB connections | $(figure 1 4) | $cN |"
  echo "| threads | $t1 | $tN |"
  echo "| HTTP sessions | $s1 | $sN |"
  echo
  echo "Requests: $requests ($(awk '/Requests\/sec/ {print $2}' "$DATA/wrk.txt")/s), latency p50 $(awk '$1 == "latency_p50_ms" {print $2}' "$DATA/wrk.txt") ms,"
  echo "p99 $(awk '$1 == "latency_p99_ms" {print $2}' "$DATA/wrk.txt") ms, max $(awk '$1 == "latency_max_ms" {print $2}' "$DATA/wrk.txt") ms; pushes: $MINUTES."
  echo
  echo "**Errors: $errors** (answers 4xx/5xx: $http_errors$(awk '$1 == "errors" {printf ", %s %s", $2, $3}' "$DATA/wrk.txt"); socket errors: $socket_errors; failed pushes: $push_errors)."
  [ -z "$causes" ] || echo "The 500s in the server log: $causes."
  echo
  echo "**Verdict: $verdict** (flat: from minute 1 to the end the heap after GC grows at most 25 % + 16 MB, threads at"
  echo "most 10, connections stay within the pool's 20 and no new HTTP sessions pile up). **Goal (flat, 0 errors): $goal.**"
  echo
  echo "Every minute (minute 0: started, before any traffic):"
  echo
  cat "$SAMPLES"
} > "$OUT"
cat "$OUT"
