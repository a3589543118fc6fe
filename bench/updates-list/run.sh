#!/usr/bin/env bash
# Updates list with 100 000 updates: how long the page and the API take for the filters people use.
# Starts Paddock (embedded PostgreSQL, its own data directory), fills it with N updates straight in SQL
# (each with one nginx:1.24 build of 10 RPMs, a CVE and a bug), then times each request R times.
# Usage: bench/updates-list/run.sh [N=100000] [R=15]; needs psql and curl; run after `mvn -DskipTests package`.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
R=${2:-15}
PORT=${BENCH_PORT:-18080}
DATA=target/bench-updates-list
. bench/paddock.sh
start_paddock

echo "Filling $N updates..."
start=$(date +%s.%N)
$PSQL <<SQL
insert into module_build (module_stream_id, name, stream, version, context, arch, summary, created_at)
select ms.id, 'nginx', '1.24', 1000000 + g, 'c' || lpad(to_hex(g), 7, '0'), 'x86_64', 'bench', now()
from generate_series(1, $N) g, module_stream ms where ms.name = 'nginx' and ms.stream = '1.24';
insert into artifact (module_build_id, kind, name, version, release, arch, purl)
select b.id, 'rpm', 'nginx-sub' || k, '1.24.0', b.version::text || '.fc45', 'x86_64',
       'pkg:rpm/fedora/nginx-sub' || k || '@1.24.0-' || b.version || '.fc45?arch=x86_64'
from module_build b, generate_series(1, 10) k where b.summary = 'bench';
insert into module_update (alias, release_id, type, severity, title, notes, submitter_id, status, request, karma,
                           karma_reset_at, submitted_at, modified_at, cadence_stream_id)
select 'PADDOCK-2026-' || lpad(to_hex(g), 10, '0'), r.id,
       (array['security','bugfix','enhancement','newpackage'])[1 + g % 4],
       case when g % 4 = 0 then (array['critical','important','moderate','low'])[1 + g % 3] else 'none' end,
       'nginx update number ' || g, 'notes', u.id,
       (array['pending','testing','stable','obsolete'])[1 + g % 4], 'none', g % 5 - 2,
       now(), now() - (g || ' minutes')::interval, now(), ms.id
from generate_series(1, $N) g, release r, paddock_user u, module_stream ms
where r.name = 'F45' and u.username = 'alice' and ms.release_id = r.id and ms.name = 'nginx' and ms.stream = '1.24';
insert into update_build (update_id, module_build_id)
select u.id, b.id from module_update u join module_build b on b.version = 1000000 + ('x' || substr(u.alias, 14))::bit(40)::bigint
where b.summary = 'bench';
insert into update_reference (update_id, kind, ref_id, url)
select id, 'cve', 'CVE-2026-' || lpad((100000 + id)::text, 6, '0'), 'https://www.cve.org/' from module_update;
insert into update_reference (update_id, kind, ref_id, url)
select id, 'bugzilla', (3000000 + id)::text, 'https://bugzilla.example/' from module_update;
analyze;
SQL
fill=$(echo "$(date +%s.%N) - $start" | bc)
rows=$($PSQL -At -c "select count(*) from module_update")
arts=$($PSQL -At -c "select count(*) from artifact")
mid=$((N / 2))
cve=$($PSQL -At -c "select ref_id from update_reference where kind = 'cve' order by id limit 1 offset $mid")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
  local label=$1 url=$2 t
  curl -s -o /dev/null "$url"   # warm
  t=$(for _ in $(seq 1 "$R"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | median)
  printf '| %s | %s | %.0f ms |\n' "$label" "${url#http://localhost:$PORT}" "$(echo "$t * 1000" | bc)"
}
B=http://localhost:$PORT
{
  echo "Updates list benchmark, $(date -u +%F), $(nproc) cores: $rows updates, $arts artifacts (filled in ${fill%.*} s); median of $R requests each"
  echo
  echo "| what | request | median |"
  echo "|---|---|---|"
  measure "page: newest first" "$B/updates.xhtml"
  measure "page: by CVE" "$B/updates.xhtml?cve=$cve"
  measure "page: by package (free text)" "$B/updates.xhtml?q=nginx-sub3"
  measure "page: module + status, by karma" "$B/updates.xhtml?module=nginx:1.24&status=testing&sort=karma&order=desc"
  measure "page: page 2000" "$B/updates.xhtml?page=2000"
  measure "page: title words" "$B/updates.xhtml?q=number%20777"
  measure "API: newest 50" "$B/api/v1/updates"
  measure "API: security + critical" "$B/api/v1/updates?type=security&severity=critical"
  measure "API: by bug" "$B/api/v1/updates?bug=3000123"
} | tee "$DATA/results.md"
