import Benchmark
import PerfbenchRuntime

// Each benchmark reports wall time per iteration; the custom "virtual s / wall s" style ratios are
// printed by `perfbench demo` and derived in README from these figures.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        maxDuration: .seconds(3),
        maxIterations: 1_000
    )

    // Executor throughput: one root task yielding 100,000 times = 100,000 jobs.
    Benchmark("executor jobs (100k Task.yield)", configuration: .init(scalingFactor: .kilo)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            let run = try VirtualTime.run { _ in
                for _ in 0..<100_000 { await Task.yield() }
            }
            blackHole(run.jobs)
        }
    }

    // Virtual sleeps with 1,000 timers pending: 1,000 tasks each sleeping 100 times with
    // reproducible, distinct durations.
    Benchmark("virtual sleeps (100k, 1,000 pending)", configuration: .init(scalingFactor: .kilo)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            let run = try VirtualTime.run { clock in
                try await withThrowingDiscardingTaskGroup { group in
                    for task in 0..<1_000 {
                        group.addTask {
                            var random = SplitMix64(seed: UInt64(task))
                            for _ in 0..<100 {
                                try await clock.sleep(for: .microseconds(Int64(1 + random.next() % 1_000_000)))
                            }
                        }
                    }
                }
            }
            blackHole(run.elapsed)
        }
    }

    // The 300-request fan-out, latencies known in advance as in replay.
    let fanOut = FanOutWorkflow.generated(count: 300, permits: 3, seed: 1)
    Benchmark("fan-out 300 requests (known latency)") { benchmark in
        for _ in benchmark.scaledIterations {
            let run = try VirtualTime.run { clock in try await fanOut.run(on: clock) }
            blackHole(run.elapsed)
        }
    }

    // The same fan-out with every request racing its timeout in a task group (the study's way).
    let racing = FanOutWorkflow.generated(count: 300, permits: 3, seed: 1, timeoutStyle: .race)
    Benchmark("fan-out 300 requests (timeout race)") { benchmark in
        for _ in benchmark.scaledIterations {
            let run = try VirtualTime.run { clock in try await racing.run(on: clock) }
            blackHole(run.elapsed)
        }
    }
}
