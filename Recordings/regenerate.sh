#!/usr/bin/env bash
# Rebuilds every recording in Recordings/ from a release build of perfbench, byte for byte.
#
#   Recordings/regenerate.sh           rebuild the four calibrated recordings and corpus/ in place
#   Recordings/regenerate.sh --check   rebuild into a temporary folder and cmp against the files
#                                      in Recordings/ (exit 1 on any difference, missing or extra
#                                      file); nothing in Recordings/ is touched
#
# Environment:
#   PERFBENCH  a perfbench binary to use instead of building one
#   SCRATCH    SwiftPM scratch path for the build (default: .build)
#
# The recordings depend only on the profile, the seed, the prompt index and the pipeline's
# baseline configuration (see CALIBRATION.md for why these seeds and prompts). Run it again after
# any change to Sources/PerfbenchWorld or Sources/PerfbenchPipeline, then re-check CALIBRATION.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
mode="write"
case "${1:-}" in
    "") ;;
    --check) mode="check" ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

if [[ -n "${PERFBENCH:-}" ]]; then
    bin="$PERFBENCH"
else
    scratch="${SCRATCH:-$root/.build}"
    (cd "$root" && swift build -c release --scratch-path "$scratch" --product perfbench >&2)
    bin="$scratch/release/perfbench"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/calibrated" "$work/corpus"

synth() { "$bin" synth "$@" > /dev/null; }

# The calibrated runs: one (seed, prompt index) per profile, chosen in CALIBRATION.md.
synth --output "$work/calibrated" --profile nov07 --seed 46 --prompt-index 0
synth --output "$work/calibrated" --profile oct31 --seed 114 --prompt-index 0
synth --output "$work/calibrated" --profile guide197 --seed 33 --prompt-index 3
synth --output "$work/calibrated" --profile bad-day --seed 1 --prompt-index 1
mv "$work/calibrated/nov07-s46-p0.jsonl.gz" "$work/nov07.jsonl.gz"
mv "$work/calibrated/oct31-s114-p0.jsonl.gz" "$work/oct31.jsonl.gz"
mv "$work/calibrated/guide197-s33-p3.jsonl.gz" "$work/guide197.jsonl.gz"
mv "$work/calibrated/bad-day-s1-p1.jsonl.gz" "$work/bad-day.jsonl.gz"
rmdir "$work/calibrated"

# The corpus: 60 workflows, prompts 0–4 of several seeds per profile (prompt 0 of nov07, oct31
# and guide197 seeds is the real run's prompt shape; the others are generated).
for seed in 101 102 103 104; do synth --output "$work/corpus" --profile default --seed "$seed" --count 5; done
for seed in 201 202 203; do synth --output "$work/corpus" --profile nov07 --seed "$seed" --count 5; done
for seed in 301 302; do synth --output "$work/corpus" --profile oct31 --seed "$seed" --count 5; done
for seed in 401 402; do synth --output "$work/corpus" --profile guide197 --seed "$seed" --count 5; done
synth --output "$work/corpus" --profile bad-day --seed 501 --count 5

files=(nov07.jsonl.gz oct31.jsonl.gz guide197.jsonl.gz bad-day.jsonl.gz)
while IFS= read -r name; do files+=("corpus/$name"); done < <(cd "$work/corpus" && ls)

if [[ "$mode" == "check" ]]; then
    status=0
    for file in "${files[@]}"; do
        if ! cmp -s "$work/$file" "$here/$file"; then
            echo "differs or missing: Recordings/$file" >&2
            status=1
        fi
    done
    while IFS= read -r name; do
        [[ -e "$work/corpus/$name" ]] || { echo "extra: Recordings/corpus/$name" >&2; status=1; }
    done < <(cd "$here/corpus" 2>/dev/null && ls)
    if [[ $status -eq 0 ]]; then echo "${#files[@]} recordings identical"; fi
    exit $status
fi

rm -rf "$here/corpus"
mkdir -p "$here/corpus"
for file in "${files[@]}"; do cp "$work/$file" "$here/$file"; done
echo "wrote ${#files[@]} recordings to $here"
