import Benchmark
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

    Benchmark("build replay index") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ReplayIndex(recording: synthesized.recording).exchangeCount)
        }
    }
}
