import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchWorld
import Testing

/// How right are the counterfactual answers? For each calibrated world and each preset, the
/// ground truth is the same world synthesized directly under the preset; the estimate is the
/// baseline recording replayed under the preset (issue 6 §5).
@Suite struct CounterfactualAccuracyTests {
    /// The calibrated recordings' worlds (Recordings/regenerate.sh).
    static let worlds: [(profile: String, seed: UInt64, prompt: Int)] = [
        ("nov07", 46, 0), ("oct31", 114, 0), ("guide197", 33, 3), ("bad-day", 1, 1),
    ]

    struct Row {
        var world: String
        var preset: String
        var truth: Double
        var replayed: Double
        var stageErrors: [Double]
        var error: Double { abs(replayed - truth) / truth }
    }

    static func measure() throws -> [Row] {
        var rows: [Row] = []
        for world in worlds {
            guard let profile = WorldProfile.named(world.profile) else { continue }
            let recorded = try Synthesizer.synthesize(profile: profile, seed: world.seed, promptIndex: world.prompt)
            let index = ReplayIndex(recording: recorded.recording)
            for preset in Preset.all where preset.name != "baseline" {
                let config = try preset.configuration()
                let truth = try Synthesizer.synthesize(
                    profile: profile, seed: world.seed, promptIndex: world.prompt, config: config)
                let replay = try ReplayRunner.replay(
                    index: index, path: world.profile, config: config, options: ReplayOptions())
                let truthTree = RunResult(
                    recording: "truth", config: RunConfig(config), totalSeconds: truth.result.total.seconds,
                    stages: truth.result.stages
                ).timingTree
                let replayTree = replay.run.timingTree
                let stageErrors = truthTree.nodes.compactMap { node -> Double? in
                    guard node.seconds >= 3, let other = replayTree.node(at: node.path) else { return nil }
                    return abs(other.seconds - node.seconds) / node.seconds
                }
                rows.append(
                    Row(
                        world: world.profile, preset: preset.name, truth: truth.result.total.seconds,
                        replayed: replay.run.totalSeconds, stageErrors: stageErrors))
            }
        }
        return rows
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    @Test func medianTotalErrorStaysUnderTenPercent() throws {
        let rows = try Self.measure()
        #expect(rows.count == Self.worlds.count * (Preset.all.count - 1))
        let median = Self.median(rows.map(\.error))
        #expect(median < 0.10, "median total error \(median)")
        if ProcessInfo.processInfo.environment["PERFBENCH_PRINT_ACCURACY"] == "1" {
            print("| world | preset | truth (s) | replayed (s) | total error | median stage error | worst stage error |")
            print("|---|---|---:|---:|---:|---:|---:|")
            for row in rows {
                print(
                    "| \(row.world) | \(row.preset) | \(String(format: "%.1f", row.truth)) | \(String(format: "%.1f", row.replayed)) | "
                        + "\(String(format: "%.1f", row.error * 100)) % | \(String(format: "%.1f", Self.median(row.stageErrors) * 100)) % | "
                        + "\(String(format: "%.1f", (row.stageErrors.max() ?? 0) * 100)) % |")
            }
            print("median total error \(String(format: "%.1f", median * 100)) %, worst \(String(format: "%.1f", (rows.map(\.error).max() ?? 0) * 100)) %")
        }
    }
}
