#!/usr/bin/env bash
# Policy saves and pushes at a distribution's size (issue 12).
# Starts Paddock (embedded PostgreSQL, its own data directory) and measures, each on data filled straight in SQL:
#   1. pushes: P due updates in one module stream, and P due updates spread over P streams (one each) — one
#      POST /api/v1/pushes each, as an admin would (the minute tick does the same);
#   2. policy saves: a one-rule policy imported over A1 active updates (in S streams), then a changed rule over A2;
#      the time the save answers, and the time until every active update's decision was recomputed under it.
# Usage: bench/gating-push/run.sh [P=1000] [A1=1000] [A2=10000] [S=1000]; needs psql, curl and bc; run after
# `mvn -DskipTests package`. Writes $DATA/results.md. CURL_MAX (s, default 600) bounds each request.
set -euo pipefail
cd "$(dirname "$0")/../.."
P=${1:-1000}
A1=${2:-1000}
A2=${3:-10000}
S=${4:-1000}
PORT=${BENCH_PORT:-18081}
DATA=${BENCH_DATA:-target/bench-gating-push}
MAX=${CURL_MAX:-600}
. bench/paddock.sh
start_paddock PADDOCK_PUSH_SCHEDULER=false  # the bench pushes when it says so; a minute tick in between would take the stream
B=http://localhost:$PORT
ADMIN=$(issue_token admin)
ERIN=$(issue_token erin)
# since issue 12 an update names the stream whose cadence it follows; before, the pusher worked it out from the builds
STREAM_COLUMN= STREAM_VALUE=
if [ "$($PSQL -At -c "select count(*) from information_schema.columns where table_name = 'module_update'
    and column_name = 'cadence_stream_id'")" = 1 ]; then STREAM_COLUMN=', cadence_stream_id' STREAM_VALUE=', p.stream_id'; fi

# Streams named $1-<k>:1 for k in 1..$2 in F45, each with an immediate cadence and no days in testing.
streams() {
  $PSQL <<SQL
insert into module_stream (release_id, name, stream, summary)
select r.id, '$1-' || k, '1', 'bench' from release r, generate_series(1, $2) k where r.name = 'F45';
insert into cadence (module_stream_id, mode, days_critical, days_important, days_moderate, days_low, days_none, updated_at)
select id, 'immediate', 0, 0, 0, 0, 0, now() from module_stream where name like '$1-%';
SQL
}

# $2 updates in status $3 (request $4) over the streams named $1-*, round robin, each with one build of 5 RPMs,
# tested since 30 days ago; each given the stored decisions a submit would have given it (no policy: ignored).
updates() {
  local prefix=$1 n=$2 status=$3 request=$4 from=${5:-0}
  $PSQL <<SQL
create temp table plan as
select g, ms.id as stream_id, ms.name
from generate_series($from + 1, $from + $n) g
join (select id, name, row_number() over (order by id) - 1 as k, count(*) over () as c
      from module_stream where name like '$prefix-%') ms on ms.k = (g - 1) % ms.c;
insert into module_build (module_stream_id, name, stream, version, context, arch, summary, created_at)
select stream_id, name, '1', 2000000 + g, 'b' || lpad(to_hex(g), 7, '0'), 'x86_64', 'bench-$prefix', now() from plan;
insert into artifact (module_build_id, kind, name, version, release, arch, purl)
select b.id, 'rpm', b.name || '-sub' || k, '1.0', b.version::text || '.fc45', 'x86_64',
       'pkg:rpm/fedora/' || b.name || '-sub' || k || '@1.0-' || b.version || '.fc45?arch=x86_64'
from module_build b, generate_series(1, 5) k where b.summary = 'bench-$prefix' and b.version > 2000000 + $from;
insert into module_update (alias, release_id, type, severity, title, notes, submitter_id, status, request, karma,
                           karma_reset_at, submitted_at, modified_at, testing_at, gating$STREAM_COLUMN)
select 'BENCH-$prefix-' || p.g, r.id, 'bugfix', 'none', '$prefix update ' || p.g, 'notes', u.id, '$status', '$request', 0,
       now() - interval '30 days', now() - interval '30 days', now() - interval '30 days',
       case when '$status' = 'testing' then now() - interval '30 days' end, 'ignored'$STREAM_VALUE
from plan p, release r, paddock_user u where r.name = 'F45' and u.username = 'alice';
insert into update_build (update_id, module_build_id)
select u.id, b.id from module_update u join module_build b on b.summary = 'bench-$prefix'
  and u.alias = 'BENCH-$prefix-' || (b.version - 2000000) where b.version > 2000000 + $from;
insert into update_decision (update_id, context, status, satisfied, summary, fingerprint, policy_versions,
                             requirements, changed_at, checked_at)
select u.id, c, 'ignored', false, 'no policy applies', 'bench', '', '[]', now(), now()
from module_update u, unnest(array['push_testing', 'push_stable']) c where u.alias like 'BENCH-$prefix-%'
  and not exists (select 1 from update_decision d where d.update_id = u.id);
drop table plan;
analyze;
SQL
}

secs() { echo "$(date +%s.%N) - $1" | bc; }
count() { $PSQL -At -c "$1"; }

# Pushes what is due now; prints seconds, HTTP status and how many of $1's updates went stable.
push() {
  local t0 code
  t0=$(date +%s.%N)
  code=$(curl -s -m "$MAX" -o "$DATA/push-$1.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $ADMIN" \
    "$B/api/v1/pushes" || echo timeout)
  # what the rule says of one that did not move, for when not all did
  curl -s -o "$DATA/eligibility-$1.json" "$B/api/v1/updates/$(count "select alias from module_update where alias like 'BENCH-$1-%'
      and status <> 'stable' order by id limit 1")/eligibility" || true
  printf '%.1f|%s|%s' "$(secs "$t0")" "$code" "$(count "select count(*) from module_update where alias like 'BENCH-$1-%' and status = 'stable'")"
}

# Saves policy $1 requiring test $2 of every bench-a-* stream; prints seconds to the answer, HTTP status, seconds
# until every active update's decision names the policy's new version (or 'never' within $MAX s), and the version.
save_policy() {
  local t0 code answered version done_at
  t0=$(date +%s.%N)
  code=$(curl -s -m "$MAX" -o "$DATA/save-$2.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $ERIN" \
    -H 'Content-Type: application/yaml' --data-binary @- "$B/api/v1/policies?reason=bench" <<YAML || echo timeout
--- !Policy
id: $1
product_versions: [F45]
decision_contexts: [push_testing, push_stable]
subject_type: paddock_update
packages: ["a-*"]
rules:
  - !PassingTestCaseRule {test_case_name: $2}
YAML
)
  answered=$(secs "$t0")
  version=$(count "select current_version from policy where id = '$1'")
  version=${version:-none}
  done_at=never
  local active
  active=$(count "select count(*) from module_update where status in ('pending', 'testing')")
  for _ in $(seq 1 $((MAX * 4))); do
    if [ "$version" != none ] && [ "$(count "select count(*) from update_decision d join module_update u on u.id = d.update_id
        where u.status in ('pending', 'testing') and d.context = 'push_stable' and d.policy_versions like '%$1@$version%'")" = "$active" ]; then
      done_at=$(printf '%.1f' "$(secs "$t0")")
      break
    fi
    [ "$code" = 201 ] || [ "$code" = 200 ] || [ "$code" = 202 ] || break
    sleep 0.25
  done
  printf '%.1f|%s|%s|%s' "$answered" "$code" "$done_at" "$version"
}

{
  echo "Policy saves and pushes, $(date -u '+%F %H:%M') UTC, $(nproc) cores, commit $(git rev-parse --short HEAD)"
  echo
  echo "| measure | size | answered (s) | HTTP | done (s) | result |"
  echo "|---|---|---|---|---|---|"
} > "$DATA/results.md"

echo "Filling $P due updates in one stream..."
streams one 1
updates one "$P" testing none
IFS='|' read -r t code moved <<< "$(push one)"
echo "| push, one stream | $P due | $t | $code | $t | $moved of $P stable |" | tee -a "$DATA/results.md"

echo "Filling $P due updates over $P streams..."
streams spread "$P"
updates spread "$P" testing none
IFS='|' read -r t code moved <<< "$(push spread)"
echo "| push, spread | $P due in $P streams | $t | $code | $t | $moved of $P stable |" | tee -a "$DATA/results.md"

echo "Filling $A1 active updates in $S streams..."
streams a "$S"
updates a "$A1" testing none
IFS='|' read -r t code done_at v <<< "$(save_policy bench-gate bench.one)"
echo "| policy save | $A1 active | $t | $code | $done_at | version $v |" | tee -a "$DATA/results.md"

echo "Filling $((A2 - A1)) more active updates..."
updates a $((A2 - A1)) testing none "$A1"
IFS='|' read -r t code done_at v <<< "$(save_policy bench-gate bench.two)"
echo "| policy save | $A2 active | $t | $code | $done_at | version $v |" | tee -a "$DATA/results.md"
echo
cat "$DATA/results.md"
