#!/usr/bin/env bash
# Metrics-adapter benchmark with the server and the load driver in two JVMs (docs/benchmarks.md).
#   scripts/bench-adapter.sh open 1000 5 15       # open loop: rate/s, warm-up s, measured s [connections]
#   scripts/bench-adapter.sh closed 128 5 10 2    # closed loop: requests in flight, warm-up s, measured s, connections
#   scripts/bench-adapter.sh open 10000,20000,30000 5 10 2   # open-loop sweep: each rate once per server
# SERVER_CPUS / DRIVER_CPUS (taskset lists, e.g. 0 and 1) pin each JVM; EVENT_LOOPS sets the adapter's
# (and the bare server's) event loops (default: one per core the server JVM sees).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD_DIR:-/tmp/k4j-adapter-bench}
mvn -B -q -pl metrics-adapter test-compile dependency:build-classpath \
  -Dkeda4j.buildDirectory="$build" -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
cp="$build/classes:$build/test-classes:$(cat "$build/cp.txt")"
dir=$(mktemp -d)
pin() { if [ -n "${1:-}" ]; then echo "taskset -c $1"; fi; }
# shellcheck disable=SC2046
$(pin "${SERVER_CPUS:-}") java -Xms512m -Xmx512m -XX:+UseParallelGC ${SERVER_JAVA_OPTS:-} -cp "$cp" \
  dev.keda4j.adapter.bench.AdapterBenchServer "$dir" "${EVENT_LOOPS:-0}" > "$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do
  [ -f "$dir/server.properties" ] && break
  kill -0 $server 2>/dev/null || { cat "$dir/server.log"; exit 1; }
  sleep 0.5
done
[ -f "$dir/server.properties" ] || { echo "bench server did not start"; cat "$dir/server.log"; exit 1; }
# shellcheck disable=SC2046
$(pin "${DRIVER_CPUS:-}") java -Xms512m -Xmx512m ${DRIVER_JAVA_OPTS:-} -cp "$cp" \
  dev.keda4j.adapter.bench.AdapterLoadDriver "$dir" "$@"
