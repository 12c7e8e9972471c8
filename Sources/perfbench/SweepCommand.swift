import ArgumentParser
import Foundation
import PerfbenchPipeline
import PerfbenchReplay
import PerfbenchReport

/// `perfbench sweep`: which toggle, alone, saves most.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Rank every toggle, alone at its doc and shipped values, by what it saves against a base.",
        discussion: """
            Replays the recordings under the base (default baseline) and under the base with one \
            toggle changed, for every toggle at its doc and its shipped value (where they differ \
            from the base's). With --candidate SPEC it also takes each toggle the candidate \
            changes out of it again (leave one out: what the candidate loses without it). Rows \
            are ranked by the saving on --metric: p50 or p95 over a corpus (nearest rank), the \
            total for one recording; each with the candidate's quality (overall, cohesion), API \
            calls per workflow, timeouts and errors, so a saving that costs quality shows. Every \
            row's spec can be pasted into --candidate. Deterministic: the same ranking every run, \
            with any --jobs, and --shard I/N splits the recordings across machines like the \
            other commands (perfbench merge makes the ranking).

            With --latency CHANGE the rows are not toggles but upstream speed, Coz-style: every \
            host, tool and LLM task in turn with that change to its latencies (as replay \
            --latency TARGET=CHANGE applies it), so the ranking says which upstream, made faster, \
            saves most; a row's spec is the base and the --latency to pass to replay or diff.

            With --draws N every configuration is also replayed N times with the models drawn \
            anew (fixed seeds, draw d of every row with the same seeds): each row gains the \
            P10–P90 of its saving against the base's same draw, the share of draws that ran the \
            improvement loop and the share that did not finish, so a saving that only the point \
            replay shows is told from one the recordings can promise. The ranking stays by the \
            point replay.

            Examples:
              perfbench sweep Recordings/nov07.jsonl.gz
              perfbench sweep Recordings/nov07.jsonl.gz --draws 10
              perfbench sweep Recordings/corpus --metric p95 --candidate plan-critical-path --format markdown
              perfbench sweep Recordings/nov07.jsonl.gz --latency 0.5
            """
    )

    @Argument(help: "Recordings or folders of recordings.")
    var recordings: [String]

    @Option(help: "The configuration every candidate starts from (SPEC: preset, file or comma list).")
    var base: String = "baseline"

    @Option(help: "Also take each toggle this configuration changes out of it again (leave one out).")
    var candidate: String?

    @Option(help: "What to rank by: p50 or p95 over the recordings (one recording: its total).")
    var metric: String = "p50"

    @Option(help: "Report format: text, json or markdown.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Replays to run at once (default: the number of cores). Output is identical for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        help: ArgumentHelp(
            "Replay every configuration N times, the models drawn anew each time (fixed seeds), and give each row "
                + "the P10–P90 of its saving and the shares of draws that improved or did not finish (default 1: no draws).",
            valueName: "N"))
    var draws: Int = 1

    @Option(
        help: ArgumentHelp(
            "Rank upstream speed instead of toggles: every host, tool and LLM task in turn with this latency change "
                + "(0.5: twice as fast; -1s: a second less per call), answering which one, made faster, saves most.",
            valueName: "change"))
    var latency: String?

    @OptionGroup var shard: ShardOptions

    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
        guard !recordings.isEmpty else { throw ValidationError("name at least one recording or folder.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard draws >= 1, draws <= 10_000 else { throw ValidationError("--draws must be between 1 and 10000, e.g. 10.") }
        guard ["p50", "p95", "p99"].contains(metric) else { throw ValidationError("--metric must be p50, p95 or p99.") }
        if latency != nil, candidate != nil {
            throw ValidationError("--latency ranks hosts, tools and tasks; --candidate ranks a preset's toggles: use one of them.")
        }
        if let latency {
            do {
                _ = try LatencyChange(parsing: "spotify=" + latency)
            } catch {
                if latency.contains("=") {
                    // A replay/diff spec (`reccobeats=0.5`): sweep applies the change to every target itself.
                    throw ValidationError(
                        "--latency \(latency): sweep tries the change on every host, tool and LLM task in turn, so give "
                            + "only the change (--latency 0.5); to change one target, use replay or diff --latency \(latency).")
                }
                throw ValidationError("--latency \(latency): write a factor (0.5: twice as fast) or a shift (-1s, +300ms).")
            }
        }
        guard format != .html else { throw ValidationError("--format html is not available for sweep: use text, json or markdown.") }
    }

    func run() throws {
        limits.apply()
        let baseConfig = try Replaying.configuration(spec: base, option: "--base")
        let candidateConfig = try candidate.map { try Replaying.configuration(spec: $0, option: "--candidate") }
        let paths = try InputPaths.expand(recordings)
        try ReportOutput.refuseOverwriting(inputs: paths, outputs: [("--output", output)])
        let candidates = try latency.map { latencyCandidates($0, baseConfig) } ?? toggleCandidates(baseConfig, candidateConfig)
        shard.begin()
        // Every configuration from one load and index of each recording.
        let columns = try Replaying.run(
            paths: paths, columns: ([.init(config: baseConfig)] + candidates.map(\.column)).map(Self.lean), jobs: jobs,
            draws: .fixed(draws))
        let baseRuns = columns[0]
        let baseMetric = SweepReport.metric(metric, baseRuns)
        let rows = zip(candidates, columns.dropFirst()).map { candidate, runs in
            SweepReport.row(
                name: candidate.name, spec: candidate.spec, runs: runs, metricName: metric, baseMetric: baseMetric,
                baseRuns: baseRuns)
        }
        if try shard.finish(command: "sweep") { return }
        let report = SweepReport(
            base: base, metricName: paths.count == 1 ? "total" : metric, recordings: paths.count,
            baseRow: SweepReport.row(
                name: base, spec: base, runs: baseRuns, metricName: metric, baseMetric: baseMetric, baseRuns: baseRuns),
            rows: rows)
        switch format {
        case .text, .html: try ReportOutput.write(report.text, to: output)
        case .json: try ReportOutput.write(report.json, to: output)
        case .markdown: try ReportOutput.write(report.markdown, to: output)
        }
    }

    private typealias Candidate = (name: String, spec: String, column: Replaying.Column)

    /// Every toggle at its doc and shipped values (where they differ from the base's), then,
    /// with --candidate, each of the candidate's changes taken out again.
    private func toggleCandidates(
        _ baseConfig: PipelineConfiguration, _ candidateConfig: PipelineConfiguration?
    ) throws -> [Candidate] {
        var candidates: [Candidate] = []
        for phase in Phase.all {
            var seen = Set([phase.value(in: baseConfig)])
            for (label, value) in [("doc", phase.doc), ("shipped", phase.shipped)] {
                guard let value else { continue }
                var config = baseConfig
                try config.set(phase.id, to: value)
                let canonical = phase.value(in: config)
                guard seen.insert(canonical).inserted else { continue }
                config.name = "\(base),\(phase.id.rawValue)=\(canonical)"
                candidates.append(("\(phase.id.rawValue)=\(canonical) (\(label))", config.name, .init(config: config)))
            }
        }
        if let candidateConfig, let spec = candidate {
            for phase in Phase.all where phase.value(in: candidateConfig) != phase.value(in: baseConfig) {
                var config = candidateConfig
                try config.set(phase.id, to: phase.value(in: baseConfig))
                config.name = "\(spec),\(phase.id.rawValue)=\(phase.value(in: baseConfig))"
                candidates.append(("\(spec) without \(phase.id.rawValue)", config.name, .init(config: config)))
            }
        }
        return candidates
    }

    /// A column whose runs keep no exchanges or waits: the ranking reads totals only.
    private static func lean(_ column: Replaying.Column) -> Replaying.Column {
        var column = column
        column.options.keepsEvents = false
        column.options.keepsBreakdown = false
        return column
    }

    /// The base with `change` (a factor or shift) on one host, tool or LLM task at a time.
    private func latencyCandidates(_ change: String, _ baseConfig: PipelineConfiguration) -> [Candidate] {
        let targets = ["spotify", "reccobeats", "llm"] + LatencyChange.toolNames + LLMTask.allCases.map { "llm:" + $0.rawValue }
        // Validated in `validate`: every target with this change parses.
        return targets.compactMap { target in
            let text = target + "=" + change
            guard let parsed = try? LatencyChange(parsing: text) else { return nil }
            var options = ReplayOptions()
            options.latencyChanges = [parsed]
            return (text, "\(base) --latency \(text)", .init(config: baseConfig, options: options))
        }
    }
}
