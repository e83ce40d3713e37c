# What loadtest/bench.sh and loadtest/work-curve.sh share: the jars, the JVM flags, starting and
# stopping servers, and the load generator. Source it from the repository's root with `set -euo
# pipefail` in force; every process a script starts goes into `started` and is stopped on exit,
# failure or Ctrl-C.
#
# Settings (environment): JAVA_OPTS (the load generator's JVM flags), SERVER_JAVA_OPTS (the
# baseline's and the engine's).

BENCH_JAR=loadtest/target/omniroute-benchmarks.jar
ENGINE_JAR=engine/target/omniroute-engine.jar
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx4g -XX:+UseG1GC}
# The servers run with the engine's recommended production flags (README, "Running in production"):
# a fixed, pre-touched heap (no expansion inside a pause), a 10 ms pause goal, and promotion after
# one young collection, since a stored contact lives for hours.
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xms4g -Xmx4g -XX:+AlwaysPreTouch -XX:+UseG1GC -XX:MaxGCPauseMillis=10 -XX:MaxTenuringThreshold=1}

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

# Waits for a line matching $2 in file $1, written by process $3.
await_line() {
  local file=$1 pattern=$2 pid=$3
  for _ in $(seq 1 600); do
    if grep -qE "$pattern" "$file" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "process $pid exited before '$pattern'; its output:" >&2
      cat "$file" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "timed out waiting for '$pattern' in $file" >&2
  return 1
}

# Waits like await_line and prints the port: the last number of the match.
await_port() {
  await_line "$@"
  grep -oE "$2" "$1" | head -1 | grep -oE '[0-9]+' | tail -1
}

# The load generator with the given arguments.
load() {
  java $JAVA_OPTS -cp "$BENCH_JAR" io.omniroute.loadtest.LoadGenerator "$@"
}

# Starts a baseline server that logs to $1 (await_port reads its port from there); further
# arguments go to the server (e.g. --work 20us).
start_baseline() {
  local log=$1
  shift
  java $SERVER_JAVA_OPTS -cp "$BENCH_JAR" io.omniroute.loadtest.BaselineServer --host 127.0.0.1 --port 0 "$@" > "$log" 2>&1 &
  started+=($!)
}

# Starts the engine (memory store unless the arguments say otherwise), logging to $1; $2 holds
# extra JVM flags (may be empty); further arguments go to the engine. Its port: await_engine_port.
start_engine() {
  local log=$1 jvm_extra=$2
  shift 2
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS $jvm_extra -jar "$ENGINE_JAR" --host 127.0.0.1 --port 0 --demo-tokens "$@" > "$log" 2>&1 &
  started+=($!)
}

# The port of the engine last started, once it listens (its log is $1).
await_engine_port() {
  await_port "$1" 'Omniroute listening on http://[0-9.]+:[0-9]+' "${started[-1]}"
}

# The port of the baseline server last started, once it listens (its log is $1).
await_baseline_port() {
  await_port "$1" '^listening on [0-9]+' "${started[-1]}"
}

# Max mode against the server on port $1 with seed $2, report to $3: $CONNECTIONS connections,
# $WARMUP warm-up, $DURATION measured.
max_run() {
  load --url "http://127.0.0.1:$1" --mode max --connections "$CONNECTIONS" --warmup "$WARMUP" --duration "$DURATION" \
    --seed "$2" --report-out "$3"
}
