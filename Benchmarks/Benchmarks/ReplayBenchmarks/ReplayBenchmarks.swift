import Benchmark
import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchWorld

// Replay cost once the recording is parsed: a ~300-exchange, ~300 s synthesized workflow
// replayed at its own configuration (every answer exact) and under a what-if configuration
// (composed and synthesized answers). Virtual seconds per wall second = recording total / p50.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        maxDuration: .seconds(5),
        maxIterations: 500
    )

    let synthesized: Synthesizer.Output? = try? Synthesizer.synthesize(
        profile: WorldProfile.named("nov07") ?? .standard, seed: 3)
    guard let synthesized else { fatalError("synthesis failed") }
    let index = ReplayIndex(recording: synthesized.recording)
    print(
        "replay benchmark recording: \(synthesized.recording.exchanges.count) exchanges, "
            + "\(synthesized.result.total.seconds) s virtual")

    Benchmark("replay recorded configuration (~300 exchanges)") { benchmark in
        for _ in benchmark.scaledIterations {
            let outcome = try ReplayRunner.replay(index: index, path: "bench", config: nil, options: ReplayOptions())
            blackHole(outcome.run.totalSeconds)
        }
    }

    let whatIf = try? PipelineConfiguration.resolve(spec: "plan-critical-path")
    Benchmark("replay plan-critical-path (counterfactual answers)") { benchmark in
        for _ in benchmark.scaledIterations {
            let outcome = try ReplayRunner.replay(index: index, path: "bench", config: whatIf, options: ReplayOptions())
            blackHole(outcome.run.totalSeconds)
        }
    }

    // The bundled 2025-11-07 recording (376 exchanges, 333.40 s), parsed and indexed once: what
    // each replay of a sweep, an optimize search or a diff costs after the parse.
    let bundled = try? Recording.load(from: "../Recordings/nov07.jsonl.gz")
    if let bundled {
        let bundledIndex = ReplayIndex(recording: bundled)
        Benchmark("replay bundled nov07 at its configuration (after parse)") { benchmark in
            for _ in benchmark.scaledIterations {
                let outcome = try ReplayRunner.replay(index: bundledIndex, path: "nov07", config: nil, options: ReplayOptions())
                blackHole(outcome.run.totalSeconds)
            }
        }
        Benchmark("replay bundled nov07 under plan-critical-path (after parse)") { benchmark in
            for _ in benchmark.scaledIterations {
                let outcome = try ReplayRunner.replay(index: bundledIndex, path: "nov07", config: whatIf, options: ReplayOptions())
                blackHole(outcome.run.totalSeconds)
            }
        }
    }

    // The bundled corpus under two configurations, load and parse included, two threads: what
    // `perfbench diff Recordings/corpus --jobs 2` costs before its report.
    let corpus = ((try? FileManager.default.contentsOfDirectory(atPath: "../Recordings/corpus")) ?? [])
        .filter { $0.hasSuffix(".jsonl.gz") }.sorted().map { "../Recordings/corpus/" + $0 }
    Benchmark(
        "corpus × 2 configurations, parse included, 2 jobs",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 10)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let rows = ReplayRunner.replayMatrix(
                paths: corpus, options: [ReplayOptions(), ReplayOptions()], jobs: 2, configure: { column, _, _ in column == 0 ? nil : whatIf })
            blackHole(rows.count)
        }
    }

    Benchmark("build replay index") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ReplayIndex(recording: synthesized.recording).exchangeCount)
        }
    }
}
