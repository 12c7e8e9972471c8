import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchWorld
import Testing

/// Counterfactual accuracy where the replay's assumptions do not hold (issue 14 §5): each world
/// of the calibrated recordings under each set of ``WorldMechanics``; the baseline recorded there,
/// replayed under every preset, against that world running the preset.
///
/// `PERFBENCH_PRINT_ACCURACY=1 swift test --filter AccuracyAcrossMechanics` prints the table;
/// `PERFBENCH_ACCURACY_DRAWS=N` sets the draws of each interval (default 10: the fewest whose P10–P90 means 80 %).
@Suite struct AccuracyAcrossMechanicsTests {
    /// A run longer than this does not finish.
    static let runLimit = PredictionInterval.runLimitSeconds

    struct Row: Sendable {
        var world: String
        var mechanics: String
        var preset: String
        var truth: Double
        var replayed: Double
        var interval: PredictionInterval?
        var error: Double { abs(replayed - truth) / truth }
        var truthFinishes: Bool { truth <= AccuracyAcrossMechanicsTests.runLimit }
        var predictedFinishes: Bool { (interval?.total.p90 ?? replayed) <= AccuracyAcrossMechanicsTests.runLimit }
        /// Whether the truth lies in P10–P90 (a point prediction: within 0.5 %); for a truth that
        /// does not finish, whether the interval says the run may not finish.
        var covered: Bool {
            guard truthFinishes else { return !predictedFinishes }
            guard let interval else { return error <= 0.005 }
            let slack = 0.005 * truth
            return truth >= interval.total.p10 - slack && truth <= interval.total.p90 + slack
        }
    }

    static func measure(
        mechanics names: [String], draws: Int,
        worlds: [(profile: String, seed: UInt64, prompt: Int)] = CounterfactualAccuracyTests.worlds
    ) throws -> [Row] {
        var jobs: [(world: (profile: String, seed: UInt64, prompt: Int), mechanics: String)] = []
        for world in worlds { for name in names { jobs.append((world, name)) } }
        let results = try jobs.map { job -> [Row] in
            guard let base = WorldProfile.named(job.world.profile), let mechanics = WorldMechanics.named(job.mechanics)
            else { return [] }
            let profile = base.under(mechanics)
            let world = job.world
            let recorded = try Synthesizer.synthesize(profile: profile, seed: world.seed, promptIndex: world.prompt)
            let index = ReplayIndex(recording: recorded.recording)
            return try Preset.all.filter { $0.name != "baseline" }.map { preset in
                let config = try preset.configuration()
                let truth = try Synthesizer.synthesize(
                    profile: profile, seed: world.seed, promptIndex: world.prompt, config: config)
                let run = try ReplayRunner.replay(index: index, path: world.profile, config: config, options: ReplayOptions()).run
                let interval = draws > 1
                    ? try ReplayRunner.interval(
                        of: run, index: index, path: world.profile, config: config, options: ReplayOptions(), draws: draws)
                    : nil
                return Row(
                    world: world.profile, mechanics: job.mechanics, preset: preset.name,
                    truth: truth.result.total.seconds, replayed: run.totalSeconds,
                    interval: interval?.isPoint == false ? interval : nil)
            }
        }
        return results.flatMap { $0 }
    }

    static func percentile(_ values: [Double], _ q: Double) -> Double {
        Percentiles.nearestRank(q * 100, of: values) ?? 0
    }

    static func fixed(_ value: Double) -> String { String(format: "%.1f", value) }

    static func print(_ rows: [Row]) {
        Swift.print("| world | mechanics | preset | truth (s) | replayed (s) | P10–P90 (s) | error | in interval |")
        Swift.print("|---|---|---|---:|---:|---:|---:|:-:|")
        for row in rows {
            let band = row.interval.map { "\(fixed($0.total.p10))–\(fixed($0.total.p90))" } ?? "point"
            let truth = row.truthFinishes ? fixed(row.truth) : "\(fixed(row.truth)) (does not finish)"
            Swift.print(
                "| \(row.world) | \(row.mechanics) | \(row.preset) | \(truth) | \(fixed(row.replayed)) | \(band) | "
                    + "\(fixed(row.error * 100)) % | \(row.covered ? "yes" : "**no**") |")
        }
        summary(rows).forEach { Swift.print($0) }
    }

    static func summary(_ rows: [Row]) -> [String] {
        var lines: [String] = []
        let groups = Dictionary(grouping: rows, by: \.mechanics)
        for name in WorldMechanics.names where groups[name] != nil {
            let group = groups[name] ?? []
            let errors = group.filter(\.truthFinishes).map(\.error)
            let unfinished = group.filter { !$0.truthFinishes }
            let covered = group.filter(\.covered).count
            let wrongFinish = group.filter { !$0.truthFinishes && $0.predictedFinishes }.count
            lines.append(
                "\(name): \(group.count) pairs (\(unfinished.count) do not finish, \(unfinished.filter(\.covered).count) of them "
                    + "predicted as may not finish); finished: median \(fixed(percentile(errors, 0.5) * 100)) %, "
                    + "P95 \(fixed(percentile(errors, 0.95) * 100)) %, worst \(fixed((errors.max() ?? 0) * 100)) %, "
                    + "truth in P10–P90 \(covered) of \(group.count), finished where the truth did not: \(wrongFinish)")
        }
        let errors = rows.filter(\.truthFinishes).map(\.error)
        lines.append(
            "all: \(rows.count) pairs, median \(fixed(percentile(errors, 0.5) * 100)) %, P95 \(fixed(percentile(errors, 0.95) * 100)) %, "
                + "truth in P10–P90 \(rows.filter(\.covered).count) of \(rows.count)")
        return lines
    }

    /// The README's table (about 90 s in a debug build): only when asked for.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PERFBENCH_PRINT_ACCURACY"] == "1", "set PERFBENCH_PRINT_ACCURACY=1 to print the table"))
    func everyMechanicsPrintsItsTable() throws {
        let draws = Int(ProcessInfo.processInfo.environment["PERFBENCH_ACCURACY_DRAWS"] ?? "") ?? 10
        let rows = try Self.measure(mechanics: WorldMechanics.names, draws: draws)
        #expect(rows.count == CounterfactualAccuracyTests.worlds.count * WorldMechanics.names.count * (Preset.all.count - 1))
        Self.print(rows)
    }

    /// A limiter that blocks bursts and grows while called made every parallel-artist preset
    /// run forever in these worlds; the recording (artists one at a time) never burst like
    /// that. No interval may promise such a run finishes.
    @Test func noIntervalPromisesAFinishedRunWhereABurstLimiterBlocksItForever() throws {
        let rows = try Self.measure(
            mechanics: ["token-bucket"], draws: 3, worlds: Array(CounterfactualAccuracyTests.worlds.prefix(2)))
        let unfinished = rows.filter { !$0.truthFinishes }
        #expect(unfinished.count >= 4, "the mechanics should stop some presets")
        for row in unfinished {
            #expect(!row.predictedFinishes, "\(row.world) \(row.preset): truth \(row.truth) s, predicted \(row.replayed) s")
        }
        // What does finish is still predicted within the limit.
        for row in rows where row.truthFinishes { #expect(row.replayed <= Self.runLimit) }
    }
}
