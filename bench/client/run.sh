#!/usr/bin/env bash
# paddock-client next to the real dnf (issue 14): INSTALLED packages in an installroot (stub RPMs, rpm --justdb)
# and an updateinfo.xml of ADVISORIES with PER packages each; `dnf updateinfo list --all` (its metadata cache made
# first, as a host has it) and `paddock-client list --all` on the same installroot and file, then the client on an
# rpm -qa list; each REPEAT times, wall time and peak memory (GNU time). Writes $DATA/results.md.
# Also the client on the same advisories from Paddock's JSON API (bench/client/serve.py), first run and warm.
# Usage: bench/client/run.sh [ADVISORIES=50000] [INSTALLED=10000] [PER=10] [REPEAT=3]; run after `mvn -DskipTests
# package`; needs dnf, rpm, rpmbuild, createrepo_c, modifyrepo_c and python3 (the packages .ci/run installs).
set -euo pipefail
cd "$(dirname "$0")/../.."
ADVISORIES=${1:-50000}
INSTALLED=${2:-10000}
PER=${3:-10}
REPEAT=${4:-3}
DATA=${BENCH_DATA:-target/bench-client}
JAR=target/paddock-client.jar
[ -f "$JAR" ] || { echo "run mvn -DskipTests package first" >&2; exit 2; }
rm -rf "$DATA"; mkdir -p "$DATA"; DATA=$(cd "$DATA" && pwd)
python3 bench/client/generate.py "$DATA" "$ADVISORIES" "$INSTALLED" "$PER"

# the installroot: one spec with a file-less sub-package per installed NEVRA, recorded with rpm --justdb
ROOT=$DATA/root TOP=$DATA/rpmbuild
mkdir -p "$ROOT" "$TOP/tmp" "$DATA/repo" "$DATA/conf/repos.d"
{ echo "Name: bench-stubs"; echo "Version: 1"; echo "Release: 1"; echo "Summary: stubs"; echo "License: MIT"
  echo "%description"; echo "stubs"
  sed -E 's/^(.*)-([^-]+)-([^-]+)\.x86_64$/%package -n \1\nVersion: \2\nRelease: \3\nSummary: stub\n%description -n \1\nstub\n%files -n \1/' "$DATA/installed.nevra"
} > "$DATA/stubs.spec"
SETUP_START=$(date +%s.%N)
rpmbuild -bb --quiet --target x86_64 --define "_topdir $TOP" --define "_tmppath $TOP/tmp" \
  --define "_build_id_links none" --define "debug_package %{nil}" "$DATA/stubs.spec" >/dev/null 2>&1
DBPATH=$(rpm --eval '%{_dbpath}')
rpm --root "$ROOT" --dbpath "$DBPATH" --initdb
# one rpm transaction for all (xargs would split it, and each rpm run says Debian's Alien warning)
mapfile -d '' STUBS < <(find "$TOP/RPMS" -name 'pkg*.rpm' -print0)
rpm --root "$ROOT" --dbpath "$DBPATH" -i --justdb --nodeps --noscripts --notriggers --ignorearch --ignoreos "${STUBS[@]}" 2>/dev/null
createrepo_c --quiet --no-database "$DATA/repo"
modifyrepo_c --mdtype=updateinfo "$DATA/updateinfo.xml" "$DATA/repo/repodata" >/dev/null
cat > "$DATA/conf/dnf.conf" <<CONF
[main]
reposdir=$DATA/conf/repos.d
cachedir=/var/cache/dnf
logdir=/var/log
persistdir=/var/lib/dnf
plugins=0
gpgcheck=0
metadata_expire=-1
CONF
printf '[bench]\nname=bench\nbaseurl=file://%s\nenabled=1\ngpgcheck=0\n' "$DATA/repo" > "$DATA/conf/repos.d/bench.repo"
mkdir -p "$ROOT/var/cache/dnf" "$ROOT/var/log" "$ROOT/var/lib/dnf" "$ROOT/etc/dnf/modules.d"
SETUP=$(echo "$(date +%s.%N) - $SETUP_START" | bc)
DNF=(dnf -c "$DATA/conf/dnf.conf" --installroot="$ROOT" --releasever=45 --forcearch=x86_64 --noplugins --color=never -q)
export TZ=UTC LC_ALL=C.UTF-8

measure() { # label, command...: REPEAT runs, "seconds KB" of each appended to $DATA/$label.times
  local label=$1; shift
  for _ in $(seq "$REPEAT"); do
    /usr/bin/time -f '%e %M' -o "$DATA/t" "$@" > "$DATA/$label.out" 2>/dev/null || true
    grep -E '^[0-9.]+ [0-9]+$' "$DATA/t" >> "$DATA/$label.times" # time says "exited with status 100" first
  done
}
/usr/bin/time -f '%e %M' -o "$DATA/makecache.times" "${DNF[@]}" makecache >/dev/null 2>&1
measure dnf "${DNF[@]}" -C updateinfo list --all
# the client as src/main/sh/paddock-client runs it (its JVM set for a short run)
CLIENT=(env PADDOCK_CLIENT_JAR="$JAR" src/main/sh/paddock-client list --all --cache "$DATA/cache" --updateinfo "$DATA/updateinfo.xml")
# the client's first run reads the XML and writes its index (what makecache is to dnf); later runs use the index
/usr/bin/time -f '%e %M' -o "$DATA/t" "${CLIENT[@]}" --root "$ROOT" --arch x86_64 > /dev/null 2>&1 || true
grep -E '^[0-9.]+ [0-9]+$' "$DATA/t" > "$DATA/client-first.times"
measure client-root "${CLIENT[@]}" --root "$ROOT" --arch x86_64
measure client-rpmqa "${CLIENT[@]}" --rpm-list "$DATA/installed.rpmqa"
measure client-nocache "${CLIENT[@]}" --no-cache --rpm-list "$DATA/installed.rpmqa"
measure client-plainjava java -jar "$JAR" list --all --cache "$DATA/cache" --rpm-list "$DATA/installed.rpmqa" --updateinfo "$DATA/updateinfo.xml"

# the same advisories from Paddock's JSON API (bench/client/serve.py on loopback: ETag, 304, since): the first run
# fetches them all and writes its cache and index, later runs are answered 304 and read the index
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 bench/client/serve.py "$DATA" "$PORT" & SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.2; done
API=(env PADDOCK_CLIENT_JAR="$JAR" src/main/sh/paddock-client list --all --server "http://127.0.0.1:$PORT/"
  --cache "$DATA/api-cache" --module bench:1 --rpm-list "$DATA/installed.rpmqa")
/usr/bin/time -f '%e %M' -o "$DATA/t" "${API[@]}" > /dev/null 2>&1 || true
grep -E '^[0-9.]+ [0-9]+$' "$DATA/t" > "$DATA/api-first.times"
measure api-warm "${API[@]}"
kill $SERVER; trap - EXIT

best() { sort -n "$DATA/$1.times" | head -1 | awk '{printf "%.2f s, %d MB", $1, $2/1024}'; }
median() { sort -n "$DATA/$1.times" | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }
DNF_S=$(median dnf); CLIENT_S=$(median client-root)
same=$(diff <(sort "$DATA/dnf.out") <(sort "$DATA/client-root.out") >/dev/null && echo "the same lines" || echo "DIFFERENT lines")
cat > "$DATA/results.md" <<MD
# paddock-client next to dnf — $(date -u +%Y-%m-%d) on $(nproc) cores

$ADVISORIES advisories × $PER packages ($(du -m "$DATA/updateinfo.xml" | cut -f1) MB of updateinfo.xml), $INSTALLED installed; $REPEAT runs each, median (best with peak RSS).

| what | median | best, peak memory | lines |
|---|---|---|---|
| dnf makecache (once, before) | | $(awk '{printf "%.2f s, %d MB", $1, $2/1024}' "$DATA/makecache.times") | |
| paddock-client, first run (reads the XML, writes its index) | | $(awk '{printf "%.2f s, %d MB", $1, $2/1024}' "$DATA/client-first.times") | |
| dnf -C updateinfo list --all | $DNF_S s | $(best dnf) | $(wc -l < "$DATA/dnf.out") |
| paddock-client list --all --root (same installroot; src/main/sh/paddock-client) | $CLIENT_S s | $(best client-root) | $(wc -l < "$DATA/client-root.out") |
| paddock-client list --all --rpm-list | $(median client-rpmqa) s | $(best client-rpmqa) | $(wc -l < "$DATA/client-rpmqa.out") |
| paddock-client list --all --rpm-list --no-cache (the XML every time) | $(median client-nocache) s | $(best client-nocache) | $(wc -l < "$DATA/client-nocache.out") |
| java -jar paddock-client.jar list --all --rpm-list (the JVM's defaults) | $(median client-plainjava) s | $(best client-plainjava) | $(wc -l < "$DATA/client-plainjava.out") |
| paddock-client list --all --server, first run (fetches all, writes cache and index) | | $(awk '{printf "%.2f s, %d MB", $1, $2/1024}' "$DATA/api-first.times") | |
| paddock-client list --all --server, warm cache (answered 304) | $(median api-warm) s | $(best api-warm) | $(wc -l < "$DATA/api-warm.out") |

Client / dnf: $(echo "scale=3; $CLIENT_S / $DNF_S" | bc) (goal: at most 0.05); from the API, warm: $(echo "scale=3; $(median api-warm) / $DNF_S" | bc). dnf and the client print $same$(cmp -s "$DATA/client-root.out" "$DATA/api-warm.out" && echo ", and so does the client from the API" || echo "; the client from the API prints DIFFERENT lines").
Set-up (stub RPMs, rpmdb, repository): ${SETUP} s.
MD
cat "$DATA/results.md"
