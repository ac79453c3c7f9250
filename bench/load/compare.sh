#!/usr/bin/env bash
# StreamExtract against the engine on the same core, in alternating short runs
# so that the shared host's swings in speed fall on both sides alike.
#
# The server (one worker) and each engine run (one thread) are pinned to core
# 0; the load generator runs on core 1, off the server's core. Prints the
# totals of all pairs: articles/s of each side and their ratio, and CPU time
# per article of each side and their ratio.
#
# Usage: bench/load/compare.sh [BUILD_DIR] [PAIRS] [BATCH] [WINDOW] [SECONDS]
#   defaults: build 20 16 4 1 (BATCH articles per StreamExtract request,
#   WINDOW requests in flight, SECONDS per run)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
pairs=${2:-20}
batch=${3:-16}
window=${4:-4}
seconds=${5:-1}
load="$build/bench/load/attache-load"
log=$(mktemp)

# Port 0: a free port of its own. (gRPC listens with SO_REUSEPORT, so a fixed
# port would silently share the load with any server left on it.)
taskset -c 0 "$build/service/server/attache-server" --listen=127.0.0.1:0 \
  --metrics_listen= --store_url= --workers=1 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT
port=
for _ in $(seq 100); do
  port=$(sed -n 's/.*event=serving port=\([0-9]*\).*/\1/p' "$log")
  [ -n "$port" ] && break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "attache-server did not start: $(cat "$log")" >&2
  exit 1
fi

# Each run prints "N articles in T s", "C us per article" and, for stream,
# "(E errors)"; keep N, T, C, E.
fields='
  { for (i = 2; i < NF; ++i) {
      if ($i == "articles" && $(i + 1) == "in") { n = $(i - 1); t = $(i + 2) }
      if ($i == "us") { c = $(i - 1) }
      if ($(i + 1) == "errors)") { e = substr($i, 2) }
  } }
  END { print side, n, t, c, e + 0 }'
runs=$(for _ in $(seq "$pairs"); do
  taskset -c 1 "$load" --target="127.0.0.1:$port" --modes=stream \
    --duration="${seconds}s" --batch="$batch" --stream_window="$window" \
    --server_pid="$server" | awk -v side=stream "$fields"
  taskset -c 0 "$load" --modes=engine --duration="${seconds}s" \
    --engine_threads=1 | awk -v side=engine "$fields"
done)

echo "$runs" | awk -v batch="$batch" -v window="$window" -v pairs="$pairs" '
  { n[$1] += $2; t[$1] += $3; cpu[$1] += $2 * $4; errors += $5 }
  END {
    # Error answers are cheap and would flatter the stream side.
    if (errors > 0 || n["stream"] == 0) {
      print "StreamExtract answered " n["stream"] " articles, " errors " failed; no figures" > "/dev/stderr"
      exit 1
    }
    s = n["stream"] / t["stream"]; e = n["engine"] / t["engine"]
    cs = cpu["stream"] / n["stream"]; ce = cpu["engine"] / n["engine"]
    printf "batch %d, window %d, %d pairs: stream %.0f articles/s, engine %.0f articles/s, ratio %.3f\n", batch, window, pairs, s, e, s / e
    printf "CPU per article: server %.1f us, engine %.1f us, ratio %.3f\n", cs, ce, ce / cs
  }'
