"""The replay a Python team would write first: open-loop, on asyncio with looptime.

For each perfbench recording (gzipped JSONL), every recorded exchange becomes a task that sleeps
until its recorded start and then for its recorded duration, on looptime's fast-forwarded loop
(tuned: noop_cycles=0, so an idle loop jumps straight to the next timer). The workflow's total
is when the last exchange ends. No pipeline logic, limiter, cache or what-if: the floor of what
such a harness does, to compare perfbench's full replay (the pipeline model on a virtual clock)
with.

Usage: python replay_peer.py RECORDING... (prints one line per recording, then the wall time).
"""

import asyncio
import gzip
import json
import sys
import time

import looptime


def exchanges(path):
    """(start, duration) in seconds of every exchange line of a recording."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            event = json.loads(line)
            if event.get("type") == "exchange":
                yield event["start_us"] / 1e6, event["duration_us"] / 1e6


async def replay(calls):
    loop = asyncio.get_running_loop()
    origin = loop.time()
    ends = []

    async def call(start, duration):
        await asyncio.sleep(start - (loop.time() - origin))
        await asyncio.sleep(duration)
        ends.append(loop.time() - origin)

    await asyncio.gather(*(call(start, duration) for start, duration in calls))
    return max(ends, default=0.0)


def main(paths):
    began = time.perf_counter()
    virtual = 0.0
    for path in paths:
        calls = sorted(exchanges(path))
        loop = looptime.new_event_loop(noop_cycles=0)
        try:
            total = loop.run_until_complete(replay(calls))
        finally:
            loop.close()
        virtual += total
        print(f"{path}\t{total:.6f}")
    wall = time.perf_counter() - began
    print(f"python asyncio+looptime open-loop replay: {len(paths)} recordings, {virtual:.2f} s virtual in {wall:.3f} s wall")


if __name__ == "__main__":
    main(sys.argv[1:])
