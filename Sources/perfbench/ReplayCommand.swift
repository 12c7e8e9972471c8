import ArgumentParser
import Foundation
import PerfbenchImport
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport

/// `perfbench replay`: the main job.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay recordings through the pipeline on the virtual clock and print the timing tree.",
        discussion: """
            Every upstream request of the workflow is answered from the recording, with its \
            recorded latency and outcome, on virtual time: a five-minute workflow replays in \
            tens of milliseconds and gives the same figures on every run. With no configuration \
            flags the recording's own configuration is used, so a plain replay reproduces the \
            recorded run; flags change it (what-if), and requests the recording never saw are \
            answered by counterfactual models (composed from recorded items, or synthesized), \
            counted in the report. --strict refuses them instead.

            Arguments are recordings (.jsonl.gz, HAR .har/.har.gz) or folders of them. Over \
            several recordings the report adds P50/P95/P99 of the total and every stage.

            \(ConfigOptions.discussion)

            Examples:
              perfbench replay Recordings/nov07.jsonl.gz
              perfbench replay Recordings/nov07.jsonl.gz --preset guide-immediate
              perfbench replay Recordings/corpus --format json --output Reports/corpus.json
              perfbench replay Recordings/guide197.jsonl.gz --trace /tmp/guide197.trace.json
            """
    )

    @Argument(help: "Recordings or folders of recordings.")
    var recordings: [String]

    @OptionGroup var config: ConfigOptions

    @Option(help: "Report format: text, json, markdown or html (one self-contained file).")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @OptionGroup var profiles: ProfileOutputs

    @OptionGroup var latency: LatencyOptions

    @OptionGroup var session: SessionOptions

    @Option(help: "Replays to run at once (default: the number of cores). Output is identical for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Fail at the first request the recording cannot answer exactly, naming it.")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "Replay each recording N times, drawing every answer it does not hold exactly (synthesized latencies, "
                + "tail draws, a what-if's latencies, which calls time out) with another fixed seed, the limiter "
                + "alternatives in turn, every other draw latencies that grow with the load as the recording's "
                + "did, and every fourth a host the recording shows down staying down; report P10/P50/P90 of the "
                + "total and every stage. P10–P90 holds one more run 80 % of the time from 10 draws on. "
                + DrawCount.help,
            valueName: "N|auto"),
        transform: DrawCount.parse)
    var draws: DrawCount = .auto

    @OptionGroup var store: StoreOptions

    @OptionGroup var shard: ShardOptions

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (icicle, critical path, requests and waits) to FILE.", valueName: "file"))
    var html: String?


    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
        guard !recordings.isEmpty else { throw ValidationError("name at least one recording or folder.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard !(strict && draws.isExplicitlyDrawn) else {
            throw ValidationError("--strict answers only exactly, so it has nothing to draw: drop --draws or --strict.")
        }
    }

    func run() throws {
        limits.apply()
        let paths = try InputPaths.expand(recordings)
        try ReportOutput.refuseOverwriting(inputs: paths, outputs: [("--output", output), ("--html", html)] + profiles.outputs)
        shard.begin()
        var options = ReplayOptions(strict: strict)
        latency.apply(to: &options)
        session.apply(to: &options)
        options.keepsEveryEvent = profiles.needEveryEvent(html: html, format: format, htmlShowsEveryRun: paths.count == 1)
        // --strict answers only exactly: nothing to draw.
        let replayDraws = strict ? .fixed(1) : draws
        let runs = try Replaying.run(paths: paths, config: config, jobs: jobs, draws: replayDraws, options: options)
        if try shard.finish(command: "replay") { return }
        Replaying.warn(runs)
        draws.noteUndrawn(recordings: paths.count, runs)
        var page: String?
        if html != nil || format == .html {
            page = HTMLReport.replay(
                try Replaying.keepingEventsOfTheRunShownInFull(
                    runs, config: config, jobs: jobs, draws: replayDraws, recordings: paths.count, options: options))
        }
        let report: String?
        switch (format, runs.count) {
        case (.text, 1): report = TextReport.render(runs[0], colour: ReportOutput.colourAllowed && output == nil)
        case (.text, _): report = TextReport.render(corpus: runs, colour: ReportOutput.colourAllowed && output == nil)
        case (.json, 1): report = JSONReport.render(runs[0])
        // Written as it renders (below): a corpus's JSON lists every run.
        case (.json, _): report = nil
        case (.markdown, 1): report = MarkdownReport.render(runs[0])
        case (.markdown, _): report = MarkdownReport.render(corpus: runs)
        case (.html, _): report = page
        }
        if let html, let page { try ReportOutput.write(page, to: html) }
        try profiles.write(runs)
        if let report {
            try ReportOutput.write(report, to: output)
        } else {
            try ReportOutput.write(to: output) { piece in try JSONReport.writeCorpus(runs, to: piece) }
        }
        try store.record(kind: .replay, runs: runs, paths: paths, verdict: nil)
    }
}

/// Loads recordings (native or HAR), resolves each one's configuration and replays them.
enum Replaying {
    /// One column of a matrix of replays: a configuration (nil: each recording's own) and the
    /// replay options it runs with (`--latency` changes, warm sessions).
    struct Column: Sendable {
        var config: PipelineConfiguration?
        var options = ReplayOptions()
    }

    static func run(
        paths: [String], config: ConfigOptions, jobs: Int, draws: DrawCount = .fixed(1), options: ReplayOptions = ReplayOptions()
    ) throws -> [RunResult] {
        try run(paths: paths, jobs: jobs, draws: draws, options: options, configure: configuration(config))
    }

    /// What each recording replays under for `config`'s flags: nil (its own configuration) when
    /// there are none, else the flags over the recording's own. The flags are validated here,
    /// once, against baseline, before any replay (exit 64/65/66).
    private static func configuration(
        _ config: ConfigOptions
    ) throws -> @Sendable (RecordingHeader, String) throws -> PipelineConfiguration? {
        let environment = ProcessInfo.processInfo.environment
        _ = try config.resolve(startingFrom: .baseline, environment: environment)
        let environmentApplies = config.environmentApplies(environment)
        return { header, path in
            if config.isEmpty && !environmentApplies { return nil }
            let recorded = try ReplayRunner.recordedConfiguration(header, path: path)
            return try config.sources(environment: environment).resolve(startingFrom: recorded)
        }
    }

    /// Replays `paths` under `fixed` (nil: each recording's own configuration).
    static func run(
        paths: [String], fixed: PipelineConfiguration?, jobs: Int, draws: DrawCount = .fixed(1), options: ReplayOptions = ReplayOptions()
    ) throws -> [RunResult] {
        try run(paths: paths, jobs: jobs, draws: draws, options: options) { _, _ in fixed }
    }

    /// Replays `paths` in each of `columns`, every recording loaded and indexed once for all of
    /// them: one row of runs per column.
    static func run(paths: [String], columns: [Column], jobs: Int, draws: DrawCount = .fixed(1)) throws -> [[RunResult]] {
        // Resolved on the whole set, before sharding: every shard and the merge agree.
        let drawn = draws.resolved(recordings: paths.count)
        return try Sharding.matrix(of: paths, columns: columns.count) { paths in
            try matrix(paths: paths, options: columns.map(\.options), jobs: jobs, draws: drawn) { column, _, _ in
                columns[column].config
            }
        }
    }

    private static func run(
        paths: [String], jobs: Int, draws: DrawCount, options: ReplayOptions,
        configure: @escaping @Sendable (RecordingHeader, String) throws -> PipelineConfiguration?
    ) throws -> [RunResult] {
        let drawn = draws.resolved(recordings: paths.count)
        return try Sharding.runs(of: paths) { paths in
            try matrix(paths: paths, options: [options], jobs: jobs, draws: drawn) { _, header, path in
                try configure(header, path)
            }[0]
        }
    }

    private static func matrix(
        paths: [String], options: [ReplayOptions], jobs: Int, draws: (draws: Int, onlyWhatIfs: Bool),
        configure: @escaping @Sendable (Int, RecordingHeader, String) throws -> PipelineConfiguration?
    ) throws -> [[RunResult]] {
        let progress = ProgressLine(total: paths.count * options.count)
        var report: (@Sendable (Int) -> Void)?
        if let progress { report = { done in progress.update(done) } }
        let results = ReplayRunner.replayMatrix(
            paths: paths, options: options, jobs: jobs, draws: draws.draws, drawsOnlyWhatIfs: draws.onlyWhatIfs,
            load: { try load($0) }, configure: configure, progress: report)
        progress?.finish()
        // The first failure in the order the calls would have run (column, then path).
        return try results.map { row in
            try row.map { result in
                do {
                    return try result.get()
                } catch {
                    throw failure(error)
                }
            }
        }
    }

    /// `runs` (of `recordings` recordings, replayed with `options` and `draws`) with the run an
    /// HTML page shows in full (``HTMLReport/runShownInFull(of:)``) replayed again keeping every
    /// exchange and wait, which a corpus's runs do not keep (memory flat in corpus size). A
    /// replay is deterministic: it is the same run, with its events.
    static func keepingEventsOfTheRunShownInFull(
        _ runs: [RunResult], config: ConfigOptions, jobs: Int, draws: DrawCount, recordings: Int, options: ReplayOptions
    ) throws -> [RunResult] {
        guard !options.keepsEveryEvent, let index = HTMLReport.runShownInFull(of: runs) else { return runs }
        var full = options
        full.keepsEveryEvent = true
        let configure = try configuration(config)
        // Not through sharding: a merge replays it here, from the recording, as the unsharded run did.
        guard
            let again = try matrix(
                paths: [runs[index].recording], options: [full], jobs: jobs, draws: draws.resolved(recordings: recordings),
                configure: { _, header, path in try configure(header, path) }
            ).first?.first
        else { return runs }
        var shown = runs
        shown[index] = again
        return shown
    }

    /// Prints every run's warnings (coverage, extrapolated rate limits) to standard error, each
    /// prefixed with `label` when given; the reports carry them too.
    static func warn(_ runs: [RunResult], label: String? = nil) {
        for line in RunResult.warningLines(runs) {
            printToStandardError("perfbench: " + (label.map { "\($0) " } ?? "") + line)
        }
    }

    /// The configuration a SPEC (preset, file, or comma list) names; errors exit 64/65/66.
    static func configuration(spec: String, option: String) throws -> PipelineConfiguration {
        do {
            return try PipelineConfiguration.resolve(spec: spec)
        } catch {
            throw ConfigOptions.exitStatus(for: error).fail("\(option) \(spec): \(error.description)")
        }
    }

    /// The decompression limit of every input (`--max-decompressed-mib`); set once, before any
    /// replay starts, and only read after.
    nonisolated(unsafe) static var maxDecompressedBytes = GzipReader.defaultMaxDecompressedBytes

    /// A native recording, or a HAR file or moodlist backend log imported on the fly (redacted
    /// like `import har` / `import moodlist-log`; a log yields its first complete workflow).
    static func load(_ path: String) throws -> Recording {
        let limit = maxDecompressedBytes
        switch try RecordingFileFormat.detect(path: path, maxDecompressedBytes: limit) {
        case .har:
            return try HARImporter().importFile(path: path, maxDecompressedBytes: limit).recording
        case .text where try MoodlistLogImporter.looksLikeLog(path: path):
            let imported = try MoodlistLogImporter().importFile(path: path, maxDecompressedBytes: limit)
            guard let workflow = imported.firstUsable else { return try Recording.load(from: path, maxDecompressedBytes: limit) }
            // As `import moodlist-log` writes it: inferred latencies fitted to the log's stages.
            return (try? ImportedLogFit.fit(workflow.recording, path: path).recording) ?? workflow.recording
        case .native, .text:
            return try Recording.load(from: path, maxDecompressedBytes: limit)
        }
    }

    /// Maps a library error to its CLI.md exit status, printing it.
    static func failure(_ error: any Error) -> ExitCode {
        switch error {
        case let error as RecordingError:
            return (ExitStatus(rawValue: error.exitCode) ?? .badInput).fail(error.description)
        case let error as ConfigurationError:
            return ConfigOptions.exitStatus(for: error).fail(error.description)
        case let error as ReplayError:
            return ExitStatus.badInput.fail(error.description)
        case let error as ExitCode:
            return error
        default:
            return ExitStatus.internalError.fail(
                "\(error). This is a bug in perfbench; please report it with the command you ran.")
        }
    }
}
