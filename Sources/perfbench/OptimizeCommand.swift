import ArgumentParser
import Foundation
import PerfbenchPipeline
import PerfbenchReplay
import PerfbenchReport

/// `perfbench optimize`: search combinations of toggles for the fastest that keeps quality.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Search combinations of toggles for the lowest P95 (or P50) that meets your requirements.",
        discussion: """
            Replays the recordings under up to --budget configurations and prints the Pareto \
            front of --metric against quality and API calls per workflow among those that meet \
            every --require (e.g. quality.overall>=0.75, requests<=200, rate.errors<2%), then \
            the best one as a spec to paste into --candidate or --config, and with --write-config \
            as a config file. The search first tries every toggle alone at each of its values \
            (baseline, doc, shipped, every choice, and five points across a number's range), \
            then generations of combinations built from the front and from the values that \
            saved time alone; last, each change of the best that buys nothing is taken out (a \
            few replays beyond the budget). Deterministic: the same --seed gives the same front and best, with \
            any --jobs. Every recording is loaded and indexed once for the whole search.

            The figures are replays: a combination far from what the recordings ran sends hosts \
            faster than they were ever seen (the rate-limit model extrapolates) and asks the LLM \
            about playlists it never judged (the judgment model answers); check the best one \
            with `perfbench diff --draws 10` for its interval before shipping it. The search is \
            adaptive by default, and an adaptive search cannot be split across machines (each \
            generation needs the whole corpus's results): --search fixed takes every toggle alone \
            and then random combinations from --seed, a list known before any replay, which \
            --shard I/N splits by recording and perfbench merge puts together, byte for byte. With --latency every \
            configuration, the base included, runs with those upstream speeds: the best \
            combination if ReccoBeats were twice as fast. With --draws N the search still ranks \
            point replays, and then the base and every configuration on the front are replayed N \
            times with the models drawn anew (fixed seeds): each front row gains the P10–P90 of \
            its metric and of its saving against the base's same draw, and the shares of draws \
            that ran the improvement loop or did not finish.

            Examples:
              perfbench optimize Recordings/nov07.jsonl.gz --budget 200
              perfbench optimize Recordings/nov07.jsonl.gz --latency reccobeats=0.5
              perfbench optimize Recordings/nov07.jsonl.gz --budget 100 --draws 10
              perfbench optimize Recordings/corpus --metric p95 --require quality.overall>=0.7 --require requests<=300 --write-config best.toml
            """
    )

    @Argument(help: "Recordings or folders of recordings.")
    var recordings: [String]

    @Option(help: "The configuration the search starts from (SPEC: preset, file or comma list).")
    var base: String = "baseline"

    @Option(help: "What to minimize: p50, p95 or p99 over the recordings (one recording: its total).")
    var metric: String = "p95"

    @Option(
        help: ArgumentHelp(
            "A requirement every answer must meet, as gate --require takes it (repeatable): quality.overall>=0.75, "
                + "requests<=200, rate.errors<2%, total.p50<=60s, or a named set (plan, guide).",
            valueName: "criterion"))
    var require: [String] = []

    @Flag(
        name: .customLong("no-extrapolation"),
        help: "Leave out configurations that send a host faster than any recording did (their rate-limit waits are extrapolated).")
    var noExtrapolation = false

    @Option(help: "How many configurations to evaluate, the base included (1–100000).")
    var budget: Int = 300

    @Option(
        help: ArgumentHelp(
            "Replay the base and the front N times each after the search, the models drawn anew (fixed seeds), and give "
                + "each front row the P10–P90 of its metric and saving (default 1: no draws).",
            valueName: "N"))
    var draws: Int = 1

    @Option(help: "Seed of the search's random choices: the same seed, the same answer.")
    var seed: UInt64 = 1

    @Option(help: "Report format: text, json or markdown.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(
        name: .customLong("write-config"),
        help: ArgumentHelp("Also write the best configuration as a config file (TOML) that --config reads back.", valueName: "file"))
    var writeConfig: String?

    @OptionGroup var latency: LatencyOptions

    @Option(help: "Replays to run at once (default: the number of cores). Output is identical for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        help: ArgumentHelp(
            "adaptive (default): generations built from what earlier ones found; fixed: every toggle alone, then "
                + "random combinations from --seed, a list known before any replay (needed for --shard).",
            valueName: "strategy"))
    var search: ConfigurationSearch.Strategy = .adaptive

    @OptionGroup var shard: ShardOptions

    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
        guard !recordings.isEmpty else { throw ValidationError("name at least one recording or folder.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard ["p50", "p95", "p99"].contains(metric) else { throw ValidationError("--metric must be p50, p95 or p99.") }
        guard (1...100_000).contains(budget) else { throw ValidationError("--budget must be between 1 and 100000, e.g. 300.") }
        guard draws >= 1, draws <= 10_000 else { throw ValidationError("--draws must be between 1 and 10000, e.g. 10.") }
        if shard.shard != nil, draws > 1 {
            throw ValidationError(
                "--draws replays the front, which only the whole search knows and no shard has: run optimize without "
                    + "--shard for the intervals, or check the merged best with perfbench diff --draws 10.")
        }
        guard format != .html else { throw ValidationError("--format html is not available for optimize: use text, json or markdown.") }
        if shard.shard != nil, search != .fixed {
            throw ValidationError(
                "--shard needs --search fixed: an adaptive search picks each generation from the whole corpus's results, "
                    + "which no shard has; a fixed search knows its list before any replay.")
        }
    }

    func run() throws {
        limits.apply()
        let criteria = try Requirements.parse(require)
        let baseConfig = try Replaying.configuration(spec: base, option: "--base")
        let paths = try InputPaths.expand(recordings)
        try ReportOutput.refuseOverwriting(inputs: paths, outputs: [("--output", output), ("--write-config", writeConfig)])
        // Per-host timeout rates read the exchanges; every other figure comes from the totals.
        let needsEvents = criteria.contains { $0.metric.hasPrefix("rate.timeouts.") }
        let metricName = paths.count == 1 ? "total" : metric
        var searcher = ConfigurationSearch(
            base: baseConfig, baseSpec: base, metricName: metric, requirements: criteria, budget: budget, seed: seed)
        searcher.refusesExtrapolation = noExtrapolation
        searcher.strategy = search
        shard.begin()
        var options = ReplayOptions()
        options.keepsEvents = needsEvents
        latency.apply(to: &options)
        let outcome = try searcher.run { configs in
            try Replaying.run(paths: paths, columns: configs.map { .init(config: $0, options: options) }, jobs: jobs)
        }
        if try shard.finish(command: "optimize") { return }
        let spreads = try drawSpreads(outcome, paths: paths, options: options)
        func row(_ candidate: ConfigurationSearch.Candidate) -> SweepReport.Row {
            var row = SweepReport.Row(
                name: candidate.changes.isEmpty ? "(the base)" : candidate.changes.joined(separator: ","),
                spec: candidate.config.name, metric: candidate.metric, saving: outcome.base.metric - candidate.metric,
                overall: candidate.overall, cohesion: candidate.cohesion, requestsPerWorkflow: candidate.requestsPerWorkflow,
                timeouts: candidate.timeouts, errors: candidate.errors)
            row.extrapolated = candidate.extrapolated
            row.spread = spreads[candidate.config.name]
            return row
        }
        // The upstream speeds every configuration ran with belong to the base's name.
        let latencyNote = latency.changes.map { " --latency \($0)" }.joined()
        let report = OptimizeReport(
            base: base + latencyNote, metricName: metricName, recordings: paths.count, evaluated: outcome.evaluated.count,
            feasible: outcome.evaluated.filter(\.feasible).count, seed: seed,
            requirements: criteria.map(\.text) + (noExtrapolation ? ["no extrapolated rates"] : []),
            baseRow: row(outcome.base), front: outcome.front.map(row), best: outcome.best.map(row))
        switch format {
        case .text, .html: try ReportOutput.write(report.text, to: output)
        case .json: try ReportOutput.write(report.json, to: output)
        case .markdown: try ReportOutput.write(report.markdown, to: output)
        }
        if let writeConfig {
            guard let best = outcome.best else {
                throw ExitStatus.regression.fail("no configuration met the requirements, so none was written to \(writeConfig).")
            }
            try ReportOutput.write(
                ConfigurationFile.toml(
                    for: best.config, name: "optimized",
                    comment: [
                        "perfbench optimize: the best of \(outcome.evaluated.count) configurations over \(paths.count) recording"
                            + (paths.count == 1 ? "" : "s"),
                        "by \(metricName) (seed \(seed)): \(DecimalText.fixed(best.metric, 2)) s against \(DecimalText.fixed(outcome.base.metric, 2)) s for \(base)",
                    ]),
                to: writeConfig)
        }
        if outcome.best == nil { throw ExitStatus.regression.fail("no configuration met the requirements.") }
    }

    /// With --draws, the base and every configuration on the front (the best among them)
    /// replayed `draws` times, and each one's spread against the base's draws, by spec.
    private func drawSpreads(
        _ outcome: ConfigurationSearch.Outcome, paths: [String], options: ReplayOptions
    ) throws -> [String: SweepReport.Spread] {
        guard draws > 1 else { return [:] }
        var candidates = [outcome.base] + outcome.front
        if let best = outcome.best, !candidates.contains(where: { $0.config.name == best.config.name }) { candidates.append(best) }
        let columns = try Replaying.run(
            paths: paths, columns: candidates.map { .init(config: $0.config, options: options) }, jobs: jobs, draws: .fixed(draws))
        var spreads: [String: SweepReport.Spread] = [:]
        for (candidate, runs) in zip(candidates, columns) {
            spreads[candidate.config.name] = SweepReport.Spread(
                metricName: metric, runs: runs, baseRuns: columns[0], baseMetric: outcome.base.metric)
        }
        return spreads
    }
}

extension ConfigurationSearch.Strategy: ExpressibleByArgument {}
