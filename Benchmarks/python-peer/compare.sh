#!/usr/bin/env bash
# Runs perfbench's full replay and the Python asyncio+looptime open-loop peer on the same
# recordings, one after the other, and prints both wall times and their ratio.
#
#   bash Benchmarks/python-peer/compare.sh            # every bundled recording (64)
#   bash Benchmarks/python-peer/compare.sh FILES...   # others
#
# Installs looptime 0.9 into Benchmarks/python-peer/.venv on first use (needs python3 -m venv
# and the PyPI index) and builds perfbench in release. Both run on one core (--jobs 1).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
venv="Benchmarks/python-peer/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "looptime==0.9"
fi
swift build -c release --product perfbench >/dev/null
if [ "$#" -eq 0 ]; then set -- Recordings/*.jsonl.gz Recordings/corpus/*.jsonl.gz; fi

seconds() { python3 -c 'import sys,time; print(f"{float(sys.argv[1]):.3f}")' "$1"; }
best_of() {  # best wall time of three runs of the command, in seconds
    local best=""
    for _ in 1 2 3; do
        local start end took
        start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
        took=$(python3 -c "print($end - $start)")
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $took < $best else 1)"; then best=$took; fi
    done
    echo "$best"
}
ours=$(best_of .build/release/perfbench replay "$@" --jobs 1 --no-db --format json)
peer=$(best_of "$venv/bin/python" Benchmarks/python-peer/replay_peer.py "$@")
echo "recordings: $#"
echo "perfbench replay (full pipeline model, --jobs 1): $(seconds "$ours") s wall (best of 3)"
echo "python asyncio+looptime open-loop peer:           $(seconds "$peer") s wall (best of 3)"
python3 -c "print(f'perfbench is {$peer / $ours:.2f}x the peer (target: 20x)')"
