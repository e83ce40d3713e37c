#!/usr/bin/env bash
# How much per-request work this machine allows before a server falls below 0.7 of the baseline
# (the throughput target for the engine), measured in one run: builds what it needs, then on ephemeral
# loopback ports, one after the other,
#   1. the baseline server with each simulated work of WORKS (BaselineServer --work: the event loop
#      spins that long before the fixed answer): max mode,
#   2. the engine (memory store): max mode with the same settings,
#   3. unless SKIP_OPEN=1, the baseline server with OPEN_WORK: the open model at half of its max
#      measured in step 1 (what a server of that cost that makes no garbage gets from this machine),
# and prints the curve: max throughput by work, its share of the no-work max, the work at which the
# share falls to 0.7, and the work the engine's max corresponds to.
# Every process it starts is stopped on exit, failure or Ctrl-C. About 7 minutes with the defaults.
#
# Settings (environment): WORKS (default "0us 5us 10us 20us 40us 80us"; must start with 0us),
# OPEN_WORK (one of WORKS, default 40us: about the engine's cost per request, BENCHMARKS.md), DURATION (default 20s), WARMUP (the baseline's,
# default 10s), ENGINE_WARMUP (default 30s: the engine's JIT needs it), OPEN_DURATION (default 40s),
# OPEN_WARMUP (default 20s), CONNECTIONS (default 64), OUT (default loadtest/results/work-curve),
# JAVA_OPTS, SERVER_JAVA_OPTS (loadtest/lib.sh), SKIP_BUILD=1 to reuse built jars.
set -euo pipefail
cd "$(dirname "$0")/.."

WORKS=${WORKS:-0us 5us 10us 20us 40us 80us}
read -r -a works <<< "$WORKS"
OPEN_WORK=${OPEN_WORK:-40us}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
ENGINE_WARMUP=${ENGINE_WARMUP:-30s}
OPEN_DURATION=${OPEN_DURATION:-40s}
OPEN_WARMUP=${OPEN_WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-64}
OUT=${OUT:-loadtest/results/work-curve}
source loadtest/lib.sh
mkdir -p "$OUT"

if [ "${works[0]}" != "0us" ]; then
  echo "WORKS must start with 0us (the reference), got '$WORKS'" >&2
  exit 2
fi
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "== building (mvn -q -DskipTests install)"
  mvn -q -B -DskipTests install
fi

micros() {
  echo "${1%us}"
}

curve=()
for work in "${works[@]}"; do
  echo "== baseline server, $work of work per request: max mode, $CONNECTIONS connections, $DURATION"
  start_baseline "$LOGS/baseline-$work.log" --work "$work"
  port=$(await_baseline_port "$LOGS/baseline-$work.log")
  max_run "$port" 1 "$OUT/baseline-$work-max.json"
  stop_all
  curve+=("$(micros "$work")=$OUT/baseline-$work-max.json")
done

echo "== engine (memory store): max mode, $CONNECTIONS connections, $DURATION"
start_engine "$LOGS/engine.log" ""
port=$(await_engine_port "$LOGS/engine.log")
WARMUP=$ENGINE_WARMUP max_run "$port" 2 "$OUT/engine-max.json"
stop_all

if [ "${SKIP_OPEN:-0}" != "1" ]; then
  rate=$(java -cp "$BENCH_JAR" io.omniroute.loadtest.report.Comparison half-rate "$OUT/baseline-$OPEN_WORK-max.json")
  echo "== baseline server, $OPEN_WORK of work per request: open model at $rate req/s (half of its max), $OPEN_DURATION"
  start_baseline "$LOGS/baseline-open.log" --work "$OPEN_WORK"
  port=$(await_baseline_port "$LOGS/baseline-open.log")
  load --url "http://127.0.0.1:$port" --mode open --rate "$rate" --warmup "$OPEN_WARMUP" --duration "$OPEN_DURATION" \
    --seed 3 --report-out "$OUT/baseline-$OPEN_WORK-open.json" --histogram-out "$OUT/baseline-$OPEN_WORK-open.hgrm"
  stop_all
fi

echo
{
  java -cp "$BENCH_JAR" io.omniroute.loadtest.report.Comparison work-curve "$OUT/engine-max.json" "${curve[@]}"
  if [ "${SKIP_OPEN:-0}" != "1" ]; then
    java -cp "$BENCH_JAR" io.omniroute.loadtest.report.Comparison open-summary \
      "baseline server with $OPEN_WORK of work per request, at half of its max" "$OUT/baseline-$OPEN_WORK-open.json"
  fi
} | tee "$OUT/work-curve.md"
