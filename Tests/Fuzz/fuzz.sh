#!/usr/bin/env bash
# Fuzzes perfbench's parsers with libFuzzer (FuzzTarget.swift: recording, har, moodlist-log,
# config, baseline, server-target, json).
#
#   Tests/Fuzz/fuzz.sh                 every target for 60 s
#   Tests/Fuzz/fuzz.sh 600 har config  those targets for 10 min each
#
# Builds `perfbench-fuzz` in release with -sanitize=fuzzer,address into .build-fuzz (first build
# ≈ 6 min on 2 cores), copies each target's seeds (Tests/Fuzz/seeds/TARGET) into a scratch corpus
# under .build-fuzz/corpus, and runs libFuzzer with the target's dictionary
# (Tests/Fuzz/dictionaries), a 10 s per-input timeout and a 2 GB memory limit. Leak detection is
# off: the Swift runtime's once-initialized globals (metadata, static lets) read as leaks. A crash, hang or
# sanitizer report is written to .build-fuzz/crashes/TARGET/ and fails the run (exit 1): copy it to
# Tests/Fuzz/regressions/TARGET/ once fixed, where FuzzRegressionTests replays it on every test
# run. Prints each target's executions and executions per second.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then targets=(recording har moodlist-log config baseline server-target json); fi

swift build -c release --product perfbench-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address >/dev/null
binary="$(swift build -c release --product perfbench-fuzz --scratch-path .build-fuzz --show-bin-path \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)/perfbench-fuzz"

failed=0
for target in "${targets[@]}"; do
    corpus=".build-fuzz/corpus/$target"
    crashes=".build-fuzz/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    cp -n "Tests/Fuzz/seeds/$target"/* "$corpus"/ 2>/dev/null || true
    [ -d "Tests/Fuzz/regressions/$target" ] && cp -n "Tests/Fuzz/regressions/$target"/* "$corpus"/ 2>/dev/null || true
    log=".build-fuzz/$target.log"
    # Whole recordings and logs are slow to import per input; their structure shows in 8 KiB.
    case "$target" in recording | moodlist-log) max_len=8192 ;; *) max_len=65536 ;; esac
    set +e
    ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" PERFBENCH_FUZZ_TARGET="$target" "$binary" "$corpus" -dict="Tests/Fuzz/dictionaries/$target.dict" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -max_len="$max_len" -print_final_stats=1 \
        -artifact_prefix="$crashes/" >"$log" 2>&1
    status=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    if [ "$status" -ne 0 ]; then
        echo "$target: FAILED after $runs executions (exit $status); see $log and $crashes/"
        grep -m 5 -E "ERROR|Fatal|==[0-9]+==" "$log" || true
        failed=1
    else
        echo "$target: $runs executions in ${seconds} s ($rate/s), no crash"
    fi
done
exit "$failed"
