import ArgumentParser
import Foundation
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchStore

/// `perfbench baseline`: the reference the P95 gate compares against.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Replay a corpus and write the gate's baseline: per-recording totals, stages and percentiles.",
        discussion: """
            The file holds every recording's total and stage times, P50/P95/P99 of the total and \
            of every stage (nearest rank), the configuration, a hash of the recording set and the \
            perfbench version; 'perfbench gate' refuses a baseline made for other recordings.

            Regenerate the bundled one with:
              swift run -c release perfbench baseline Recordings/corpus --preset baseline --output Reports/baseline.json

            \(ConfigOptions.discussion)
            """
    )

    @Argument(help: "Recordings or folders of recordings.")
    var recordings: [String]

    @OptionGroup var config: ConfigOptions

    @Option(help: "Where to write the baseline JSON.")
    var output: String = "Reports/baseline.json"

    @Option(help: "Replays to run at once (default: the number of cores). Output is identical for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var store: StoreOptions

    @OptionGroup var shard: ShardOptions

    @Option(
        help: ArgumentHelp(
            "An absolute criterion (repeatable; as gate --require takes it, e.g. plan or total.p95<=90s) stored in the "
                + "baseline, so every gate against it checks it too.", valueName: "criterion"))
    var require: [String] = []

    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
        guard !recordings.isEmpty else { throw ValidationError("name at least one recording or folder.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        limits.apply()
        for text in require {
            do {
                _ = try Criterion.parse(text)
            } catch {
                throw ExitStatus.usage.fail(error.description)
            }
        }
        let paths = try InputPaths.expand(recordings)
        try ReportOutput.refuseOverwriting(inputs: paths, outputs: [("--output", output)])
        shard.begin()
        // The baseline and the history read each run's stages, totals and critical-path summary.
        var options = ReplayOptions()
        options.keepsEveryEvent = false
        let runs = try Replaying.run(paths: paths, config: config, jobs: jobs, options: options)
        if try shard.finish(command: "baseline") { return }
        let hash = try GateSupport.hash(paths)
        let runConfig = StoreOptions.sharedConfig(of: runs)
        var file = BaselineFile(runs: runs, config: runConfig, recordingSetHash: hash, perfbenchVersion: PerfbenchVersion.current)
        file.requirements = require
        try ReportOutput.write(file.rendered(), to: output)
        let total = file.totalPercentiles
        print(
            "\(output): \(runs.count) recordings, total P50 \(total.p50.formattedSeconds) s, "
                + "P95 \(total.p95.formattedSeconds) s, P99 \(total.p99.formattedSeconds) s")
        try store.record(kind: .baseline, runs: runs, paths: paths, verdict: nil, config: runConfig)
    }
}

/// What `baseline` and `gate` share.
enum GateSupport {
    static func hash(_ paths: [String]) throws -> String {
        do {
            return try RecordingSetHash.compute(files: paths)
        } catch let error as StoreError {
            throw (ExitStatus(rawValue: error.exitCode) ?? .internalError).fail(error.description)
        }
    }
}

extension Double {
    /// Two decimals, locale-free.
    var formattedSeconds: String { DecimalText.fixed(self, 2) }
}
