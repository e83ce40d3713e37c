#!/usr/bin/env bash
# The performance comparison in one command (issue 3): builds what it needs, then on ephemeral
# loopback ports, one after the other,
#   1. the baseline server (minimal Vert.x, fixed JSON answer): max mode,
#   2. the engine (memory store): max mode with the same settings,
#   3. the engine again: open model at half of its measured maximum,
# and prints one table: baseline max, engine max, their ratio, and the open-model percentiles.
# Every process it starts is stopped on exit, failure or Ctrl-C.
#
# Settings (environment): DURATION (max-mode runs, default 30s), OPEN_DURATION (default 60s),
# WARMUP (default 10s), CONNECTIONS (default 64), OUT (results folder, default loadtest/results),
# SKIP_BUILD=1 to reuse built jars.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
OPEN_DURATION=${OPEN_DURATION:-60s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-64}
OUT=${OUT:-loadtest/results}
BENCH_JAR=loadtest/target/omniroute-benchmarks.jar
ENGINE_JAR=engine/target/omniroute-engine.jar
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx4g -XX:+UseG1GC}
mkdir -p "$OUT"
LOGS=$(mktemp -d)

started=()
stop_all() {
  for pid in "${started[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  started=()
}
trap 'stop_all; rm -rf "$LOGS"' EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

# Waits for a line matching $2 in file $1 and prints the port (last number on that line).
await_port() {
  local file=$1 pattern=$2 pid=$3
  for _ in $(seq 1 600); do
    if grep -qE "$pattern" "$file" 2>/dev/null; then
      grep -E "$pattern" "$file" | head -1 | grep -oE '[0-9]+' | tail -1
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "process $pid exited before listening; its output:" >&2
      cat "$file" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "timed out waiting for '$pattern' in $file" >&2
  return 1
}

load() {
  java $JAVA_OPTS -cp "$BENCH_JAR" io.omniroute.loadtest.LoadGenerator "$@"
}

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "== building (mvn -q -DskipTests install)"
  mvn -q -B -DskipTests install
fi

echo "== baseline server: max mode, $CONNECTIONS connections, $DURATION"
java $JAVA_OPTS -cp "$BENCH_JAR" io.omniroute.loadtest.BaselineServer --host 127.0.0.1 --port 0 > "$LOGS/baseline.log" 2>&1 &
started+=($!)
port=$(await_port "$LOGS/baseline.log" '^listening on [0-9]+' "${started[-1]}")
load --url "http://127.0.0.1:$port" --mode max --connections "$CONNECTIONS" --warmup "$WARMUP" --duration "$DURATION" \
  --seed 1 --report-out "$OUT/baseline-max.json"
stop_all

echo "== engine (memory store): max mode, $CONNECTIONS connections, $DURATION"
java $JAVA_OPTS -jar "$ENGINE_JAR" --host 127.0.0.1 --port 0 > "$LOGS/engine.log" 2>&1 &
started+=($!)
port=$(await_port "$LOGS/engine.log" 'Omniroute listening on http://[0-9.]+:[0-9]+' "${started[-1]}")
load --url "http://127.0.0.1:$port" --mode max --connections "$CONNECTIONS" --warmup "$WARMUP" --duration "$DURATION" \
  --seed 2 --report-out "$OUT/engine-max.json"

rate=$(java -cp "$BENCH_JAR" io.omniroute.loadtest.report.Comparison half-rate "$OUT/engine-max.json")
echo "== engine (memory store): open model at $rate contacts/s (half of its max), $OPEN_DURATION"
load --url "http://127.0.0.1:$port" --mode open --rate "$rate" --warmup "$WARMUP" --duration "$OPEN_DURATION" \
  --seed 3 --report-out "$OUT/engine-open.json" --histogram-out "$OUT/engine-open.hgrm" --chart-out "$OUT/engine-open.png"
stop_all

echo
java -cp "$BENCH_JAR" io.omniroute.loadtest.report.Comparison table \
  "$OUT/baseline-max.json" "$OUT/engine-max.json" "$OUT/engine-open.json" | tee "$OUT/comparison.md"
