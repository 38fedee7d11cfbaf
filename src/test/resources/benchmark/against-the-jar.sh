#!/usr/bin/env bash
# Measures the packaged (production) jar from outside, as the read-path issue measured it: wrk on the same machine,
# a HitPay simulator in a process of its own answering in about 1 ms (hitpay-simulator.mjs, needs node), PostgreSQL
# given by the caller (psql must reach it). Prints req/s and p50/p99 of the pass-through read (fresh-for 0s) with and
# without customer { email }, and of the same reads cached (fresh-for 600s); per request the provider calls (counted by
# the simulator) and the database statements and rows written (pg_stat_database); the resident memory after the load.
#   ./mvnw package -DskipTests
#   DB_URL=postgresql://localhost:5432/gw DB_USER=gw DB_PASSWORD=gw bash src/test/resources/benchmark/against-the-jar.sh
# Settings: WARMUP (s, 300: after 150 s the JIT compiler still moves the pass-through read by 10 to 20 %), DURATION (s, 10),
# ROUNDS (how often each line is measured, 1; runs of one build differ by up to a third on a shared machine),
# JAVA_OPTS (by default the container's: a 768 MB limit's heap cap and Parallel GC, see docker/Dockerfile.jvm).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${JAR:-target/quarkus-app/quarkus-run.jar}
warmup=${WARMUP:-300}; duration=${DURATION:-10}; rounds=${ROUNDS:-1}
java_opts=${JAVA_OPTS:--XX:MaxRAM=768m -XX:MaxRAMPercentage=60 -XX:+UseParallelGC}
: "${DB_URL:?set DB_URL, e.g. postgresql://localhost:5432/gw}"
key=bench-key

node "$here/hitpay-simulator.mjs" > /tmp/hitpay-simulator.log 2>&1 &
simulator=$!
gateway=
trap 'kill $simulator ${gateway:-} 2>/dev/null || true' EXIT

start_gateway() { # $1 = fresh-for
  # shellcheck disable=SC2086
  java $java_opts -Dquarkus.datasource.reactive.url="$DB_URL" -Dquarkus.datasource.username="${DB_USER:-gw}" \
    -Dquarkus.datasource.password="${DB_PASSWORD:-gw}" -Dgateway.auth.enabled=false -Dquarkus.log.level=WARN \
    -Dgateway.providers.hitpay.api-url=http://127.0.0.1:8089 -Dgateway.providers.hitpay.api-key=$key \
    -Dgateway.cache.fresh-for="$1" -jar "$jar" > "/tmp/gateway-bench-$1.log" 2>&1 &
  gateway=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null -w '%{http_code}' localhost:8080/q/health/ready | grep -q 200 && return 0
    sleep 1
  done
  echo "the gateway did not become ready; see /tmp/gateway-bench-$1.log" >&2; exit 1
}

stop_gateway() { kill "$gateway"; wait "$gateway" 2>/dev/null || true; gateway=; }

# database transactions (each statement of the gateway's reactive client is one) and rows written, so far
db_counts() {
  PGPASSWORD="${DB_PASSWORD:-gw}" psql "$DB_URL" -U "${DB_USER:-gw}" -Atc \
    "select xact_commit, tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = current_database()" | tr '|' ' '
}

run() { # $1 = label, $2 = lua script, $3 = connections
  local r calls_before calls_after db_before db_after requests
  calls_before=$(curl -s localhost:8089/_calls); db_before=$(db_counts)
  r=$(wrk -t2 -c"$3" -d"${duration}s" --latency -s "$2" http://localhost:8080/graphql)
  sleep 2 # PostgreSQL publishes its counters within a second or so of the transactions
  calls_after=$(curl -s localhost:8089/_calls); db_after=$(db_counts)
  requests=$(echo "$r" | awk '/requests in/ {print $1}')
  printf '%-34s c=%-3s %s  p50 %s  p99 %s  non-2xx %s  per request: %s provider calls, %s db statements, %s rows written\n' \
    "$1" "$3" "$(echo "$r" | awk '/Requests\/sec/ {print $2 " req/s"}')" \
    "$(echo "$r" | awk '$1 == "50%" {print $2}')" "$(echo "$r" | awk '$1 == "99%" {print $2}')" \
    "$(echo "$r" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0)" \
    "$(awk -v a="$calls_before" -v b="$calls_after" -v n="$requests" 'BEGIN {printf "%.2f", (b - a) / n}')" \
    "$(echo "$db_before $db_after" | awk -v n="$requests" '{printf "%.2f", ($3 - $1 - 1) / n}')" \
    "$(echo "$db_before $db_after" | awk -v n="$requests" '{printf "%.2f", ($4 - $2) / n}')"
}

start_gateway 0s
SUBSCRIPTION_ID=$(curl -s localhost:8080/graphql -H 'Content-Type: application/json' -d '{"query":"mutation { createSubscription(input: {provider: HITPAY, customer: {email: \"bench@example.com\", name: \"Bench\"}, productName: \"Bench plan\", amount: {amount: \"12.90\", currency: \"SGD\"}, interval: {unit: MONTH, count: 1}}) { id } }"}' \
  | grep -o 'sub_[0-9a-f]*' | head -1)
[ -n "$SUBSCRIPTION_ID" ] || { echo "could not create the subscription; see /tmp/gateway-bench-0s.log" >&2; exit 1; }
export SUBSCRIPTION_ID
CUSTOMER=email wrk -t2 -c64 -d"${warmup}s" -s "$here/pass-through.lua" http://localhost:8080/graphql > /dev/null
for round in $(seq 1 "$rounds"); do
  for c in 64 16; do
    CUSTOMER=email run "pass-through, customer { email }" "$here/pass-through.lua" $c
    CUSTOMER=none run "pass-through, no customer" "$here/pass-through.lua" $c
  done
done
echo "resident memory after the load: $(ps -o rss= -p "$gateway" | awk '{printf "%d MB", $1/1024}')"
stop_gateway

[ -n "${SKIP_CACHED:-}" ] && exit 0
start_gateway 600s
CUSTOMER=email wrk -t2 -c64 -d"${warmup}s" -s "$here/pass-through.lua" http://localhost:8080/graphql > /dev/null
for round in $(seq 1 "$rounds"); do
  for c in 64 16; do
    CUSTOMER=email run "cached, customer { email }" "$here/pass-through.lua" $c
    CUSTOMER=none run "cached, no customer" "$here/pass-through.lua" $c
  done
done
stop_gateway
