#!/usr/bin/env bash
# The performance comparison in one command: builds what it needs, then on ephemeral
# loopback ports, one after the other,
#   1. the baseline server (minimal Vert.x, fixed JSON answer): max mode,
#   2. the engine (memory store): max mode with the same settings,
#   3. the engine again: open model at half of its measured maximum,
#   4. the baseline server again: open model at that same rate (what this machine gives a server
#      that does no work, with the load generator on the same cores),
#   5. the engine on a fresh redis-server (append-only file, fsync every second): max mode,
# and prints the tables: baseline max, engine max, their ratio, the open-model percentiles of the
# engine beside the baseline's, and the engine's max on Redis against its max on the memory store.
# Every process it starts is stopped on exit, failure or Ctrl-C.
#
# Settings (environment): DURATION (max-mode runs, default 30s), OPEN_DURATION (default 60s),
# WARMUP (max-mode runs, default 30s: the JIT compiles the engine's code for ~30 s under load, see
# BENCHMARKS.md), OPEN_WARMUP (default 20s: the open model ramps its rate up over the first half,
# so no backlog is carried into the measurement), CONNECTIONS (default 64),
# OUT (results folder, default loadtest/results; the engine's GC log is kept there as engine-gc.log),
# JAVA_OPTS (the load generator's JVM flags), SERVER_JAVA_OPTS (the baseline's and the engine's;
# loadtest/lib.sh has their defaults),
# SKIP_BUILD=1 to reuse built jars, SKIP_BASELINE_OPEN=1 to leave out step 4, SKIP_REDIS=1 step 5,
# REDIS_SERVER (a redis-server binary; default: redis-server on the PATH, else the one in the
# embedded-redis test dependency).
# The engines run with --demo-tokens (public tokens, loopback only) and the load generator sends
# its default token, demo-admin, which may create contacts and claim from every queue.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
OPEN_DURATION=${OPEN_DURATION:-60s}
WARMUP=${WARMUP:-30s}
OPEN_WARMUP=${OPEN_WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-64}
OUT=${OUT:-loadtest/results}
source loadtest/lib.sh
mkdir -p "$OUT"

# A free TCP port on loopback (bash only: nothing answers on it).
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

# A redis-server binary: $REDIS_SERVER, else redis-server on the PATH, else the one packed in the
# embedded-redis jar that the engine's tests resolve into the local Maven repository.
redis_server_binary() {
  if [ -n "${REDIS_SERVER:-}" ]; then echo "$REDIS_SERVER"; return 0; fi
  if command -v redis-server >/dev/null 2>&1; then command -v redis-server; return 0; fi
  local jar entry
  jar=$(ls "${MAVEN_REPO:-$HOME/.m2/repository}"/com/github/codemonstur/embedded-redis/*/embedded-redis-*.jar 2>/dev/null \
    | sort -V | tail -1)
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) entry=redis-server-6.2.6-v5-linux-amd64 ;;
    Linux-aarch64) entry=redis-server-6.2.7-linux-arm64 ;;
    Darwin-x86_64) entry=redis-server-6.2.6-v5-darwin-amd64 ;;
    Darwin-arm64) entry=redis-server-6.2.6-v5-darwin-arm64 ;;
    *) entry="" ;;
  esac
  if [ -z "$jar" ] || [ -z "$entry" ]; then
    echo "no redis-server: install one, set REDIS_SERVER, or run 'mvn -DskipTests install' first" >&2
    return 1
  fi
  (cd "$LOGS" && jar xf "$jar" "$entry" && chmod +x "$entry")
  echo "$LOGS/$entry"
}


# The open model at $rate against the server on port $1; report, histogram and chart as $OUT/$2-open.*
open_run() {
  load --url "http://127.0.0.1:$1" --mode open --rate "$rate" --warmup "$OPEN_WARMUP" --duration "$OPEN_DURATION" \
    --seed 3 --report-out "$OUT/$2-open.json" --histogram-out "$OUT/$2-open.hgrm" --chart-out "$OUT/$2-open.png"
}

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "== building (mvn -q -DskipTests install)"
  mvn -q -B -DskipTests install
fi

echo "== baseline server: max mode, $CONNECTIONS connections, $DURATION"
start_baseline "$LOGS/baseline.log"
port=$(await_baseline_port "$LOGS/baseline.log")
max_run "$port" 1 "$OUT/baseline-max.json"
stop_all

echo "== engine (memory store): max mode, $CONNECTIONS connections, $DURATION"
start_engine "$LOGS/engine.log" "-Xlog:gc:file=$OUT/engine-gc.log"
port=$(await_engine_port "$LOGS/engine.log")
max_run "$port" 2 "$OUT/engine-max.json"

rate=$(java -cp "$BENCH_JAR" io.omniroute.loadtest.report.Comparison half-rate "$OUT/engine-max.json")
echo "== engine (memory store): open model at $rate contacts/s (half of its max), $OPEN_DURATION"
open_run "$port" engine
stop_all
echo "longest GC pause in the engine (max and open runs): $(grep ' Pause ' "$OUT/engine-gc.log" | grep -oE '[0-9.]+ms$' | sort -n | tail -1)"

reports=("$OUT/baseline-max.json" "$OUT/engine-max.json" "$OUT/engine-open.json")
if [ "${SKIP_BASELINE_OPEN:-0}" != "1" ]; then
  echo "== baseline server: open model at the same $rate contacts/s, $OPEN_DURATION"
  start_baseline "$LOGS/baseline-open.log"
  port=$(await_baseline_port "$LOGS/baseline-open.log")
  open_run "$port" baseline
  stop_all
fi
if [ "${SKIP_REDIS:-0}" != "1" ]; then
  redis_bin=$(redis_server_binary)
  redis_port=$(free_port)
  echo "== redis-server on port $redis_port (append-only file, fsync every second)"
  "$redis_bin" --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly yes --appendfsync everysec \
    --dir "$LOGS" > "$LOGS/redis.log" 2>&1 &
  started+=($!)
  await_line "$LOGS/redis.log" 'Ready to accept connections' "${started[-1]}"

  echo "== engine (Redis store): max mode, $CONNECTIONS connections, $DURATION"
  start_engine "$LOGS/engine-redis.log" "" --store redis --redis-url "redis://127.0.0.1:$redis_port"
  port=$(await_engine_port "$LOGS/engine-redis.log")
  max_run "$port" 2 "$OUT/engine-redis-max.json"
  stop_all
  reports+=("$OUT/engine-redis-max.json")
fi

echo
{
  java -cp "$BENCH_JAR" io.omniroute.loadtest.report.Comparison table "${reports[@]}"
  if [ "${SKIP_BASELINE_OPEN:-0}" != "1" ]; then
    java -cp "$BENCH_JAR" io.omniroute.loadtest.report.Comparison open-table "$OUT/engine-open.json" "$OUT/baseline-open.json"
  fi
} | tee "$OUT/comparison.md"
