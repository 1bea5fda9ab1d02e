#!/usr/bin/env bash
# Starts the app for the benchmark in the background: bench/app.sh <jar> <log> [extra JVM options...]
# Prints the pid. Settings: PostgreSQL atrium_bench, jobs off, sign-in budgets out of the way, metrics on.
set -euo pipefail
JAR=$1; LOG=$2; shift 2
JAVA=${BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PORT=${BENCH_PORT:-18080}
DATA=${BENCH_DATA:-/tmp/atrium-bench}
mkdir -p "$DATA/documents"
SPRING_DATASOURCE_URL=${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/atrium_bench} \
SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
nohup "$JAVA" "$@" -jar "$JAR" \
  --server.port=$PORT \
  --atrium.base-url=http://127.0.0.1:$PORT \
  --atrium.jobs.enabled=false \
  --atrium.security.sign-in.per-ip-per-minute=100000000 \
  --atrium.portal.sign-in.per-address-per-minute=100000000 \
  --atrium.documents.folder=$DATA/documents \
  --atrium.metrics.username=bench --atrium.metrics.password=bench-metrics \
  --spring.datasource.hikari.maximum-pool-size=${BENCH_POOL:-20} ${BENCH_APP_ARGS:-} \
  > "$LOG" 2>&1 &
echo $!
