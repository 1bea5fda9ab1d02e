#!/usr/bin/env bash
# Atrium benchmark (issue 6): creates the database, starts the app, generates the data, runs the load scenarios
# and dd, and writes bench/results/<date>.md. Run from anywhere: bench/run.sh
#
#   STEPS="build data load memory"   which steps to run (default: all; "load" alone reuses the data)
#   BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java   the JDK that runs the app
#   SCALE=1.0 FILES=2000 SECONDS_PER_RUN=20 WARMUP_PER_RUN=10   data size, real files, length of each load run
#                                                           and of its warm-up
#
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), psql, python3, a JDK 17+ for Maven.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
STEPS=${STEPS:-"build data load memory"}
SCALE=${SCALE:-1.0}
FILES=${FILES:-2000}
SECS=${SECONDS_PER_RUN:-20}
WARMUP=${WARMUP_PER_RUN:-10}   # seconds of each Gatling run's own warm-up, left out of its figures
PORT=${BENCH_PORT:-18080}
BASE=http://127.0.0.1:$PORT
DB=atrium_bench
DBURL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
BUILD=${BENCH_BUILD_DIR:-/tmp/build-bench}
JAR=$BUILD/atrium-0.1.0-SNAPSHOT.jar
DATA=${BENCH_DATA:-/tmp/atrium-bench}
export BENCH_JAVA=${BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
export BENCH_PORT=$PORT BENCH_DATA=$DATA
OUT=$HERE/target/run
FEED=$HERE/target/feeders
mkdir -p "$OUT" "$FEED" "$HERE/results"
MVN="$ROOT/mvnw -q -B"
APP_PID=

log() { echo "[$(date +%H:%M:%S)] $*"; }
stop_app() { if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi; APP_PID=; }
trap stop_app EXIT
start_app() { # extra JVM options as arguments
  APP_PID=$("$HERE/app.sh" "$JAR" "$OUT/app.log" "$@")
  for _ in $(seq 1 120); do
    curl -sf "$BASE/actuator/health/liveness" >/dev/null 2>&1 && { log "app up (pid $APP_PID)"; return; }
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
    sleep 1
  done
  echo "app did not start"; exit 1
}
classpath() { echo "$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"; }
gatling() { # scenario model users-or-rate [seconds]
  local scenario=$1 model=$2 n=$3 secs=${4:-$SECS} warmup=$WARMUP
  [ "$model" = once ] && warmup=0
  log "gatling $scenario $model $n ($warmup s warm-up, $secs s)"
  (cd "$HERE" && $MVN gatling:test -Dgatling.simulationClass=bench.AtriumSimulation -Dbench.base="$BASE" \
      -Dbench.feeders="$FEED" -Dbench.scenario="$scenario" -Dbench.model="$model" -Dbench.users="$n" -Dbench.rate="$n" \
      -Dbench.seconds="$secs" -Dbench.warmup="$warmup" -Dbench.db="$DBURL" -Dbench.bulkRound="${BULK_ROUND:-1}" \
      > "$OUT/gatling-$scenario-$model-$n.log" 2>&1) || true
  local dir; dir=$(ls -td "$HERE"/target/gatling/atriumsimulation-* | head -1)
  echo "$scenario $model $n $dir $secs $warmup" >> "$OUT/runs.txt"
}

# The app's code is compiled while it serves: on two slow cores its pages take minutes of load to reach their
# speed. wrk (a light client) loads each page of the page scenarios in turn before anything is measured.
warm_up() {
  local portal slug engagement member admin term
  IFS=, read -r portal _ slug _ engagement < <(sed -n 2p "$FEED/portal-sessions.csv")
  IFS=, read -r member _ < <(sed -n 2p "$FEED/preparer-sessions.csv")
  IFS=, read -r admin _ < <(sed -n 2p "$FEED/admin-sessions.csv")
  term=$(sed -n 2p "$FEED/terms.csv" | cut -d, -f1)
  for round in 1 2; do
    log "warm-up with wrk, round $round"
    wrk -t2 -c8 -d15s "$BASE/actuator/health/liveness" >/dev/null 2>&1 || true
    wrk -t2 -c8 -d15s -H "Cookie: ATRIUM_SESSION=$portal" "$BASE/p/$slug/" >/dev/null 2>&1 || true
    wrk -t2 -c8 -d15s -H "Cookie: ATRIUM_SESSION=$portal" "$BASE/p/$slug/cases/$engagement" >/dev/null 2>&1 || true
    wrk -t2 -c4 -d15s -H "Cookie: ATRIUM_SESSION=$member" "$BASE/app/clients" >/dev/null 2>&1 || true
    wrk -t2 -c4 -d15s -H "Cookie: ATRIUM_SESSION=$member" "$BASE/app/clients?q=$term" >/dev/null 2>&1 || true
    wrk -t2 -c2 -d10s -H "Cookie: ATRIUM_SESSION=$admin" "$BASE/app/pipeline" >/dev/null 2>&1 || true
  done
}

# Transfers with wrk: Gatling's client is itself the limit for large bodies (it takes longer to receive 1 MiB
# than the app takes to send it), so the throughput targets are measured with this much lighter client.
transfers() {
  command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null 2>&1; } || true
  command -v wrk >/dev/null || { log "wrk is missing (apt-get install wrk): transfers not measured"; return; }
  local session csrf doc client
  IFS=, read -r session csrf < <(sed -n 2p "$FEED/admin-sessions.csv")
  doc=$(grep ^download= "$FEED/bench.properties" | cut -d= -f2)
  client=$(grep ^uploadClient= "$FEED/bench.properties" | cut -d= -f2)
  cat > "$OUT/upload.lua" <<LUA
local f = io.open("$FEED/upload-10MiB.pdf", "rb"); local body = f:read("*all"); f:close()
wrk.method = "POST"; wrk.body = body
wrk.headers["Cookie"] = "ATRIUM_SESSION=$session"; wrk.headers["X-CSRF-TOKEN"] = "$csrf"
wrk.headers["X-File-Name"] = "bench-upload.pdf"; wrk.headers["Content-Type"] = "application/octet-stream"
LUA
  log "wrk: download 1 MiB, 8 connections ($SECS s)"
  wrk -t2 -c8 -d"${SECS}s" --latency -H "Cookie: ATRIUM_SESSION=$session" "$BASE/app/documents/$doc/download" \
    > "$OUT/wrk-download.txt" 2>&1 || true
  log "wrk: upload 10 MiB, 4 connections ($SECS s)"
  wrk -t1 -c4 -d"${SECS}s" --latency -s "$OUT/upload.lua" "$BASE/app/clients/$client/documents?visibility=FIRM" \
    > "$OUT/wrk-upload.txt" 2>&1 || true
}

# The portal home against the liveness floor with wrk as well: on these two cores Gatling's own client costs about
# 0.7 ms of CPU for each portal page it reads (0.2 ms for a liveness answer), so its ratio says as much about Gatling
# as about the app. Three alternating rounds of each, 8 connections, the same warm app.
pages_wrk() {
  command -v wrk >/dev/null || { log "wrk is missing (apt-get install wrk): pages not measured with wrk"; return; }
  local session slug
  IFS=, read -r session _ slug _ < <(sed -n 2p "$FEED/portal-sessions.csv")
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ATRIUM_SESSION=$session" "$BASE/p/$slug/")
  [ "$status" = 200 ] || { log "the portal home answered $status, not 200: pages not measured with wrk"; return; }
  for round in 1 2 3; do
    log "wrk: liveness and portal home, 8 connections, round $round ($SECS s each)"
    wrk -t2 -c8 -d"${SECS}s" --latency "$BASE/actuator/health/liveness" > "$OUT/wrk-liveness-$round.txt" 2>&1 || true
    wrk -t2 -c8 -d"${SECS}s" --latency -H "Cookie: ATRIUM_SESSION=$session" "$BASE/p/$slug/" \
      > "$OUT/wrk-portalhome-$round.txt" 2>&1 || true
  done
}

# The load scenarios upload gigabytes (about 16 GiB a run) to one client: their documents go again once measured,
# bytes and rows, so that repeated runs do not fill the disk. A failure here is logged, not fatal.
remove_bench_uploads() {
  local client names="('bench-upload.pdf', 'bench-1GiB.pdf')"
  client=$(grep ^uploadClient= "$FEED/bench.properties" | cut -d= -f2)
  local gone="select d.id from document d where d.client_id = '$client'
    and exists (select 1 from document_version v where v.document_id = d.id and v.name in $names)"
  { psql -h 127.0.0.1 -U postgres -d $DB -Atc "select blob_key from document_version where document_id in ($gone)" \
      | (cd "$DATA/documents" && xargs -r rm -f) \
    && psql -h 127.0.0.1 -U postgres -d $DB -qc "
      create temporary table gone as $gone;
      delete from document_access where document_id in (select id from gone);
      delete from document_version where document_id in (select id from gone);
      delete from document where id in (select id from gone);" \
    && log "removed the documents the scenarios uploaded"; } || log "could not remove the uploaded documents"
}

if [[ $STEPS == *build* ]]; then
  log "building the app jar into $BUILD and the bench"
  (cd "$ROOT" && { $MVN -o package -DskipTests -Datrium.build.dir="$BUILD" >/dev/null 2>&1 \
      || $MVN package -DskipTests -Datrium.build.dir="$BUILD"; })
  # offline when everything is already in ~/.m2, else (a fresh machine) from the registry
  (cd "$HERE" && { $MVN -o test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null 2>&1 \
      || $MVN test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt; })
fi

if [[ $STEPS == *data* ]]; then
  log "fresh database $DB and document folder $DATA"
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB"
  rm -rf "$DATA"; mkdir -p "$DATA"
  start_app   # Flyway creates the schema
  log "generating (scale $SCALE, $FILES real files)"
  java -cp "$(classpath)" bench.Generator "$DBURL" "$BASE" "$FEED" "$SCALE" "$FILES" | tee "$OUT/generator.txt"
  stop_app
fi

if [[ $STEPS == *load* ]]; then
  rm -f "$OUT/runs.txt" "$OUT"/wrk-*.txt
  # an earlier run's bulk assignments and removed uploads left dead rows: start from where the generator ended
  log "vacuum analyze"
  psql -h 127.0.0.1 -U postgres -d $DB -qc "vacuum analyze"
  start_app
  PID=$APP_PID
  java -cp "$(classpath)" bench.SessionPool "$BASE" "$FEED" 200 16 | tee "$OUT/sessions.txt"
  command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null 2>&1; } || true
  if command -v wrk >/dev/null; then warm_up; else
    log "warm-up with Gatling (wrk is missing)"
    for s in liveness portal member admin; do gatling $s closed 4 10 >/dev/null; done
    rm -f "$OUT/runs.txt"
  fi
  # the floor, then every scenario: closed model (highest throughput) and open model (latency at a fixed rate)
  gatling liveness closed 16
  gatling portalhome closed 16
  gatling portal closed 16
  gatling portal open 50
  gatling member closed 8
  gatling member open 25
  gatling admin closed 8
  gatling download closed 4
  gatling upload closed 2
  gatling signin closed 4
  gatling magic open 2
  BULK_ROUND=1 gatling bulk once 1 5
  BULK_ROUND=2 gatling bulk once 1 5
  pages_wrk
  transfers
  log "dd: disk sequential write and read (1 GiB, direct I/O)"
  dd if=/dev/zero of="$DATA/dd.bin" bs=1M count=1024 oflag=direct conv=fdatasync 2> "$OUT/dd-write.txt" || true
  dd if="$DATA/dd.bin" of=/dev/null bs=1M iflag=direct 2> "$OUT/dd-read.txt" || true
  rm -f "$DATA/dd.bin"
  stop_app
  remove_bench_uploads
fi

if [[ $STEPS == *memory* ]]; then
  log "memory: 1 GiB upload and download with -Xmx256m"
  start_app -Xmx256m
  java -cp "$(classpath)" bench.SessionPool "$BASE" "$FEED" 1 1 > /dev/null
  ( while kill -0 "$APP_PID" 2>/dev/null; do
      echo "$(date +%s) $(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -E 'garbage-first heap|total' | head -1)"
      sleep 1
    done ) > "$OUT/heap.txt" &
  SAMPLER=$!
  # curl, not Gatling, moves the GiB: Gatling's client keeps a checked body in its own heap
  BIG=$FEED/upload-1GiB.pdf
  [ -f "$BIG" ] && [ "$(stat -c %s "$BIG")" = 1073741824 ] || { head -c 1048576 "$FEED/upload-10MiB.pdf" > "$BIG"; head -c 1072693248 /dev/urandom >> "$BIG"; }
  IFS=, read -r SESSION CSRF < <(sed -n 2p "$FEED/admin-sessions.csv")
  CLIENT=$(grep ^uploadClient= "$FEED/bench.properties" | cut -d= -f2)
  curl -s -o "$OUT/big-upload.json" -w '%{http_code} %{time_total} %{speed_upload}\n' -H "Cookie: ATRIUM_SESSION=$SESSION" \
    -H "X-CSRF-TOKEN: $CSRF" -H "X-File-Name: bench-1GiB.pdf" -H "Content-Type: application/octet-stream" \
    -H "Expect:" -X POST -T "$BIG" "$BASE/app/clients/$CLIENT/documents?visibility=FIRM" > "$OUT/big-upload.txt" || true
  DOC=$(python3 -c "import json,sys; print(json.load(open('$OUT/big-upload.json'))['id'])" 2>/dev/null || echo none)
  curl -s -o /dev/null -w '%{http_code} %{time_total} %{speed_download} %{size_download}\n' \
    -H "Cookie: ATRIUM_SESSION=$SESSION" "$BASE/app/documents/$DOC/download" > "$OUT/big-download.txt" || true
  grep -c OutOfMemoryError "$OUT/app.log" > "$OUT/oom.txt" || true
  stop_app
  kill $SAMPLER 2>/dev/null || true
  remove_bench_uploads
fi

# a report only when something was measured (a data-only run has nothing to say)
if [[ $STEPS == *load* || $STEPS == *memory* ]]; then
  python3 "$HERE/report.py" "$OUT" "$FEED" "$HERE/results"
fi
