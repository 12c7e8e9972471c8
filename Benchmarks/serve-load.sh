#!/usr/bin/env bash
# Load test of `perfbench serve` with wrk (Debian: apt-get install wrk), as in README's table:
# 64 connections on loopback, first paced at ≈ 5,000 req/s (12 ms between a connection's
# requests), then flat out. Prints wrk's latency distribution for each run.
#
#   Benchmarks/serve-load.sh                 # build release, serve at K 1000 on port 18080
#   PERFBENCH=path/to/perfbench PORT=18081 DURATION=5s Benchmarks/serve-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "serve-load.sh: needs wrk (apt-get install wrk)" >&2; exit 69; }
PORT="${PORT:-18080}"
DURATION="${DURATION:-10s}"
if [ -z "${PERFBENCH:-}" ]; then
    swift build -c release --product perfbench >&2
    PERFBENCH="$(swift build -c release --show-bin-path)/perfbench"
fi
base="http://127.0.0.1:$PORT"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill -INT "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

serve() {  # serve K: (re)start the server at time scale K and wait until it answers
    [ -n "$server" ] && { kill -INT "$server"; wait "$server" || true; }
    "$PERFBENCH" serve --port "$PORT" --time-scale "$1" >"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 50); do curl -fs "$base/v1/search?q=jazz&type=artist&limit=1" >/dev/null && return; sleep 0.1; done
    echo "serve-load.sh: the server did not come up:" >&2; cat "$work/serve.log" >&2; exit 1
}

serve 1000
artist="$(curl -fs "$base/v1/search?q=jazz&type=artist&limit=1" | sed -E 's/.*"id":"([^"]+)".*/\1/')"
curl -fs -X POST "$base/v1/chat/completions" -H 'Content-Type: application/json' --data-binary @- >/dev/null <<'JSON'
{"model":"m","messages":[{"role":"system","content":"task: mood_analysis"},{"role":"user","content":"{\"prompt\":\"relaxed jazz\"}"}]}
JSON
printf 'function delay() return 12 end\n' >"$work/paced.lua"
cat >"$work/llm.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"model":"m","messages":[{"role":"system","content":"task: mood_analysis"},{"role":"user","content":"{\"prompt\":\"relaxed jazz\"}"}]}]]
LUA
cat "$work/paced.lua" >>"$work/llm.lua"
sed '/function delay/d' "$work/llm.lua" >"$work/llm-flat.lua"

run() {  # run LABEL ARGS...
    echo "== $1"
    shift
    wrk -t2 -c64 -d"$DURATION" --latency "$@" | grep -E "Requests/sec|Non-2xx|^ +(50|99)%"
}
run "K 1000, paced, /v1/artists/{id}" -s "$work/paced.lua" "$base/v1/artists/$artist"
run "K 1000, paced, search" -s "$work/paced.lua" "$base/v1/search?q=jazz&type=artist&limit=10"
run "K 1000, paced, LLM" -s "$work/llm.lua" "$base/v1/chat/completions"
run "K 1000, flat out, LLM" -s "$work/llm-flat.lua" "$base/v1/chat/completions"
serve 10000
run "K 10000, flat out, /v1/artists/{id}" "$base/v1/artists/$artist"
run "K 10000, flat out, search" "$base/v1/search?q=jazz&type=artist&limit=10"
