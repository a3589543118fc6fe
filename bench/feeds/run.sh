#!/usr/bin/env bash
# updateinfo.xml for N stable updates of ~10 RPMs each: how long Paddock takes to stream it from PostgreSQL and
# how much heap that takes, next to the floor (psql \copy of the same rows) and to the real dnf parsing the result.
# Starts Paddock (embedded PostgreSQL, its own data directory), fills it straight in SQL, then measures.
# Usage: bench/feeds/run.sh [N=50000]; needs psql, curl, jstat, bc, dnf, createrepo_c, modifyrepo_c;
# run after `mvn -DskipTests package`, with nothing else busy on the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-50000}
PORT=${BENCH_PORT:-18081}
DATA=target/bench-feeds-$N
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}
. bench/paddock.sh
start_paddock PADDOCK_PUSH_SCHEDULER=false

echo "Filling $N stable updates with 10 RPMs each..."
$PSQL <<SQL
insert into module_build (module_stream_id, name, stream, version, context, arch, summary, created_at)
select ms.id, 'nginx', '1.24', 1000000 + g, 'c' || lpad(to_hex(g), 7, '0'), 'x86_64', 'bench', now()
from generate_series(1, $N) g, module_stream ms where ms.name = 'nginx' and ms.stream = '1.24';
insert into artifact (module_build_id, kind, name, epoch, version, release, arch, source_rpm, sha256, purl)
select b.id, 'rpm', 'nginx-sub' || k, '1', '1.24.0', b.version::text || '.module_f45+1+' || b.context, 'x86_64',
       'nginx-1.24.0-' || b.version || '.module_f45+1+' || b.context || '.src.rpm', md5(b.id::text || k) || md5(k::text || b.id),
       'pkg:rpm/fedora/nginx-sub' || k || '@1.24.0-' || b.version || '?arch=x86_64&epoch=1'
from module_build b, generate_series(1, 10) k where b.summary = 'bench';
insert into module_update (alias, release_id, type, severity, title, notes, submitter_id, status, request, karma,
                           karma_reset_at, submitted_at, modified_at, testing_at, stable_at, cadence_stream_id)
select 'PADDOCK-2026-' || lpad(to_hex(g), 10, '0'), r.id,
       (array['security','bugfix','enhancement','newpackage'])[1 + g % 4],
       case when g % 4 = 0 then (array['critical','important','moderate','low'])[1 + g % 3] else 'none' end,
       'nginx update number ' || g, 'Fixes a bug in the module; see the references. ' || repeat('Details. ', 20), u.id,
       'stable', 'none', 0, now(), now() - (g || ' minutes')::interval, now(), now(), now(), ms.id
from generate_series(1, $N) g, release r, paddock_user u, module_stream ms
where r.name = 'F45' and u.username = 'alice' and ms.release_id = r.id and ms.name = 'nginx' and ms.stream = '1.24';
insert into update_build (update_id, module_build_id)
select u.id, b.id from module_update u join module_build b on b.version = 1000000 + ('x' || substr(u.alias, 14))::bit(40)::bigint
where b.summary = 'bench';
insert into update_reference (update_id, kind, ref_id, url)
select id, 'cve', 'CVE-2026-' || lpad((100000 + id)::text, 6, '0'), 'https://www.cve.org/CVERecord?id=CVE-2026-' || lpad((100000 + id)::text, 6, '0') from module_update;
insert into update_reference (update_id, kind, ref_id, url)
select id, 'bugzilla', (3000000 + id)::text, 'https://bugzilla.example/' || (3000000 + id) from module_update;
analyze;
SQL
rows=$($PSQL -At -c "select count(*) from module_update where status = 'stable'")
arts=$($PSQL -At -c "select count(*) from artifact")
echo "$rows stable updates, $arts artifacts"

# hint bits, visibility map and statistics settled, so neither side pays for the fill
$PSQL -c "vacuum analyze" -c "checkpoint"

URL="http://localhost:$PORT/feeds/F45/stable/updateinfo.xml"
# the floor: psql copying the same rows (updates, packages, references) out of PostgreSQL
floor_once() {
  local start
  start=$(date +%s.%N)
  $PSQL -c "\\copy (select u.id, u.alias, u.type, u.severity, u.title, u.notes, u.suggestion, u.submitted_at, u.modified_at from module_update u join release r on r.id = u.release_id where r.name = 'F45' and u.status = 'stable' order by u.id) to /dev/null"
  $PSQL -c "\\copy (select ub.update_id, b.name, b.stream, b.version, b.context, b.arch, a.name, a.epoch, a.version, a.release, a.arch, a.source_rpm, a.sha256 from module_update u join update_build ub on ub.update_id = u.id join module_build b on b.id = ub.module_build_id join artifact a on a.module_build_id = b.id where u.status = 'stable' order by ub.update_id, b.id, a.name) to /dev/null"
  $PSQL -c "\\copy (select ref.update_id, ref.kind, ref.ref_id, ref.title, ref.url from update_reference ref join module_update u on u.id = ref.update_id where u.status = 'stable' order by ref.update_id) to /dev/null"
  echo "$(date +%s.%N) - $start" | bc
}
best() { tr ' ' '\n' | sort -n | head -1; }

# the first request is cold (JIT, caches) and written down; two more warm up, as a server that has been running
# is; then three of each side, the best counted, all written down
first=$(curl -s -o "$DATA/updateinfo.xml" -w '%{time_total}' "$URL")
curl -s -o /dev/null "$URL"; curl -s -o /dev/null "$URL"
floor_once > /dev/null
gens=""; floors=""
for _ in 1 2 3; do
  gens="$gens $(curl -s -o /dev/null -w '%{time_total}' "$URL")"
  floors="$floors $(floor_once)"
done
gen=$(echo $gens | best); floor=$(echo $floors | best)

# heap: from a full GC, sample the used heap (young + old) every 50 ms while the feed is generated once more
jcmd "$PID" GC.run > /dev/null
jstat -gc "$PID" 50 > "$DATA/jstat.log" &
JSTAT=$!
sleep 0.5
curl -s -o /dev/null "$URL"
sleep 0.3
kill $JSTAT 2>/dev/null || true
peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$DATA/jstat.log")
base=$(awk 'NR==2 {printf "%.0f", ($3+$4+$6+$8)/1024}' "$DATA/jstat.log")
size=$(stat -c %s "$DATA/updateinfo.xml")

# the real dnf parsing it: an empty repository with this updateinfo, metadata loaded and every advisory listed
REPO=$DATA/repo
mkdir -p "$REPO" "$DATA/root/etc/dnf"
createrepo_c --quiet "$REPO"
modifyrepo_c --mdtype=updateinfo "$DATA/updateinfo.xml" "$REPO/repodata" > /dev/null
cat > "$DATA/dnf.conf" <<CONF
[main]
reposdir=/dev/null
cachedir=/var/cache/dnf
installroot=$PWD/$DATA/root
keepcache=0
[bench]
name=bench
baseurl=file://$PWD/$REPO
gpgcheck=0
CONF
# makecache downloads the repository (a local one here) and has libsolv parse updateinfo.xml into its cache;
# from an empty cache each time, the best of 3
dnfs=""
for _ in 1 2 3; do
  rm -rf "$DATA/root/var/cache/dnf"
  start=$(date +%s.%N)
  dnf -q -c "$DATA/dnf.conf" --releasever=45 --setopt=module_platform_id=platform:f45 makecache > "$DATA/dnf-out.txt" 2>&1
  dnfs="$dnfs $(echo "$(date +%s.%N) - $start" | bc)"
done
dnf_t=$(echo $dnfs | best)
# what libsolv kept: its updateinfo cache (under the installroot), and any parse error it logged (it drops the rest of the file after one)
solvx=$(find "$DATA/root" -name '*updateinfo.solvx' -printf '%s\n' | head -1)
if grep -q 'repo_updateinfoxml' "$DATA/root/var/log/hawkey.log" 2>/dev/null; then
  echo "libsolv could not parse the feed:"; grep 'repo_updateinfoxml' "$DATA/root/var/log/hawkey.log"; exit 1
fi
listed=$(grep -c '<update ' "$DATA/updateinfo.xml")

echo "Paddock runs (s): first $first, then$gens; psql floor runs (s):$floors; dnf makecache runs (s):$dnfs"
echo "| updates in the feed | RPMs | size | Paddock, best of 3 | psql \\copy floor, best of 3 | ratio | dnf makecache | heap used: after GC → peak |"
printf '| %s | %s | %.0f MB | %.2f s | %.2f s | %.2f× | %.2f s | %s MB → %s MB |\n' \
  "$listed" "$arts" "$(echo "$size / 1048576" | bc -l)" "$gen" "$floor" "$(echo "$gen / $floor" | bc -l)" "$dnf_t" "$base" "$peak"
