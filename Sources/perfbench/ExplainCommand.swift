import ArgumentParser
import Foundation
import PerfbenchReplay
import PerfbenchReport

/// `perfbench explain`: where the time of a replay goes, as its critical path.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the critical path of a replay: the requests, waits and steps that decide its total.",
        discussion: """
            Replays each recording (at its own configuration unless configured) and walks back \
            from the end: at each moment, the request or wait that finished last is what the \
            workflow was waiting for; time with none is a pipeline step. One recording: each \
            stage's seconds on the path by endpoint and wait kind (window, min_interval, \
            retry_after, with the tool whose limiter made it), and the longest links. A corpus: \
            which endpoints and waits own the most critical-path seconds at P50 and P95 over the \
            recordings, and which recording makes the P95 total.

            \(ConfigOptions.discussion)

            Examples:
              perfbench explain Recordings/nov07.jsonl.gz
              perfbench explain Recordings/corpus --preset plan-critical-path --format json
            """
    )

    @Argument(help: "Recordings or folders of recordings.")
    var recordings: [String]

    @OptionGroup var config: ConfigOptions

    @OptionGroup var latency: LatencyOptions

    @Option(help: "Report format: text, json, markdown or html (one self-contained file).")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Replays to run at once (default: the number of cores). Output is identical for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
        guard !recordings.isEmpty else { throw ValidationError("name at least one recording or folder.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        limits.apply()
        let paths = try InputPaths.expand(recordings)
        try ReportOutput.refuseOverwriting(inputs: paths, outputs: [("--output", output)])
        var options = ReplayOptions()
        latency.apply(to: &options)
        // One run's path is shown link by link, and the JSON lists every run's links; a corpus's
        // text and markdown read each run's summary, its page the P95 run's links (replayed again).
        options.keepsEveryEvent = paths.count == 1 || format == .json
        let runs = try Replaying.run(paths: paths, config: config, jobs: jobs, options: options)
        Replaying.warn(runs)
        switch format {
        case .text: try ReportOutput.write(ExplainReport.text(runs), to: output)
        case .json: try ReportOutput.write(ExplainReport.json(runs), to: output)
        case .markdown: try ReportOutput.write(ExplainReport.markdown(runs), to: output)
        case .html:
            let shown = try Replaying.keepingEventsOfTheRunShownInFull(
                runs, config: config, jobs: jobs, draws: .fixed(1), recordings: paths.count, options: options)
            try ReportOutput.write(HTMLReport.replay(shown), to: output)
        }
    }
}
