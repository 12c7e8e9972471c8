import ArgumentParser
import Foundation
import PerfbenchPipeline
import PerfbenchReplay
import PerfbenchReport

/// `perfbench diff`: what a configuration change buys, stage by stage.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Replay recordings under two configurations and compare them as one timing tree.",
        discussion: """
            Each SPEC is a preset name, a config file (.toml/.json), or a comma list of presets \
            and phase items, e.g. baseline,skip-iteration,top-tracks-batch=10. The tree shows \
            base, candidate, Δ seconds and Δ % per stage (P50 per stage over several \
            recordings), the largest movers marked; below it total P50/P95/P99, requests, waits, \
            cache and quality before and after, so a speed-up that costs quality shows.

            The SPEC `recorded` means each recording's own configuration (its header's): the run \
            as it happened. An imported backend log carries what the log shows of its backend \
            (an older one may fetch audio features all at once), so "what would the plan have \
            saved on this run" is `--base recorded --candidate plan-critical-path`.

            --latency changes the candidate's upstream speed only (the base keeps its latencies): \
            "what would a ReccoBeats twice as fast save" is `--candidate recorded --latency \
            reccobeats=0.5` against `--base recorded`. A recorded timeout made faster may now \
            succeed: its end is drawn from the endpoint's fit, as under a longer timeout.

            Examples:
              perfbench diff Recordings/guide197.jsonl.gz --base baseline --candidate guide-immediate
              perfbench diff backend.log.gz --base recorded --candidate plan-critical-path
              perfbench diff Recordings/nov07.jsonl.gz --base recorded --candidate recorded --latency reccobeats=0.5
              perfbench diff Recordings/corpus --base baseline --candidate plan-critical-path --format markdown
            """
    )

    @Argument(help: "Recordings or folders of recordings.")
    var recordings: [String]

    @Option(help: "The configuration to compare against (SPEC).")
    var base: String

    @Option(help: "The configuration under test (SPEC).")
    var candidate: String

    @Option(help: "Report format: text, json, markdown or html (one self-contained file).")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Replays to run at once (default: the number of cores). Output is identical for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        help: ArgumentHelp(
            "Replay each recording N times per side, the models drawn anew each time (fixed seeds), and "
                + "report P10–P90 of the total percentiles and how often a draw does not finish. " + DrawCount.help,
            valueName: "N|auto"),
        transform: DrawCount.parse)
    var draws: DrawCount = .auto

    @OptionGroup var store: StoreOptions

    @OptionGroup var shard: ShardOptions

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (the tree coloured by Δ, the critical paths) to FILE.", valueName: "file"))
    var html: String?

    @OptionGroup var profiles: ProfileOutputs

    @OptionGroup var latency: LatencyOptions

    @OptionGroup var session: SessionOptions

    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
        guard !recordings.isEmpty else { throw ValidationError("name at least one recording or folder.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        limits.apply()
        let baseConfig = try Self.configuration(spec: base, option: "--base")
        let candidateConfig = try Self.configuration(spec: candidate, option: "--candidate")
        let paths = try InputPaths.expand(recordings)
        try ReportOutput.refuseOverwriting(inputs: paths, outputs: [("--output", output), ("--html", html)] + profiles.outputs)
        shard.begin()
        // Both sides from one load and index of each recording.
        var baseOptions = ReplayOptions()
        session.apply(to: &baseOptions)
        baseOptions.keepsEveryEvent = profiles.needEveryEvent(html: html, format: format, htmlShowsEveryRun: paths.count == 1)
        var candidateOptions = baseOptions
        latency.apply(to: &candidateOptions)
        let sides = try Replaying.run(
            paths: paths,
            columns: [.init(config: baseConfig.fixed, options: baseOptions), .init(config: candidateConfig.fixed, options: candidateOptions)],
            jobs: jobs, draws: draws)
        let (baseRuns, candidateRuns) = (sides[0], sides[1])
        if try shard.finish(command: "diff") { return }
        Replaying.warn(baseRuns, label: "base")
        Replaying.warn(candidateRuns, label: "candidate")
        draws.noteUndrawn(recordings: paths.count, baseRuns + candidateRuns)
        let diff = DiffReport(
            base: baseRuns, candidate: candidateRuns, baseConfig: baseConfig.summary,
            candidateConfig: candidateConfig.summary)
        let report: String
        switch format {
        case .text: report = TextReport.render(diff, colour: ReportOutput.colourAllowed && output == nil)
        case .json: report = JSONReport.render(diff)
        case .markdown: report = MarkdownReport.render(diff)
        case .html: report = HTMLReport.diff(diff, base: baseRuns, candidate: candidateRuns)
        }
        if let html { try ReportOutput.write(HTMLReport.diff(diff, base: baseRuns, candidate: candidateRuns), to: html) }
        try profiles.write(baseRuns + candidateRuns)
        try ReportOutput.write(report, to: output)
        try store.record(kind: .diff, runs: candidateRuns, paths: paths, verdict: nil, config: candidateConfig.summary)
    }

    /// The spec's configuration (nil for `recorded`: each recording's own) and its summary.
    static func configuration(
        spec: String, option: String
    ) throws -> (fixed: PipelineConfiguration?, summary: RunConfig) {
        if spec == "recorded" { return (nil, RunConfig(name: "recorded", phases: [:])) }
        let configuration = try Replaying.configuration(spec: spec, option: option)
        return (configuration, RunConfig(configuration))
    }
}
