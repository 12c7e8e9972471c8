import ArgumentParser
import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport

/// `perfbench gate`: did this change make P95 worse?
struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Replay a corpus under a candidate configuration and fail (exit 2) if P95 regressed.",
        discussion: """
            Compares metric by metric with --baseline (default total.p95, total.p50, total.p99; \
            any stage.<path>.pNN). Replays are exact, so the gate never flaps: the threshold \
            (--max-regression, percent) is your policy, not a noise margin. Exit 0: no metric \
            regressed beyond it; 2: at least one did (the verdict names the stages and \
            recordings that moved most); 65: the baseline is for other recordings or another \
            perfbench. --format markdown suits $GITHUB_STEP_SUMMARY.

            --require adds absolute criteria (repeatable, or require = [...] in the --config \
            file; 'plan' and 'guide' name the plan's and the guide's success criteria); a criterion that does not hold fails the gate \
            (exit 2), and every format lists each with its value. --baseline none checks the \
            criteria alone.

            A what-if rests on the replay's models where the recordings do not answer exactly. \
            With --draws N every recording is replayed N times with those models drawn anew \
            (fixed seeds: the same verdict every run); a total metric that regresses in the \
            replay but not at the P10 of its draws is 'uncertain' and exits 0 unless \
            --fail-on-uncertain. Every verdict names what moved most, the recordings at P95 and \
            P99, and each group's P50/P95 (a synthesized recording's world, else its folder).

            Examples:
              perfbench gate Recordings/corpus --baseline Reports/baseline.json --preset plan-critical-path
              perfbench gate Recordings/corpus --baseline none --preset shipped-latest --require plan
              perfbench gate Recordings/corpus --baseline Reports/baseline.json --phase seed-stagger=1 \\
                --metric total.p95 --metric stage.orchestration/initial_generation.p95 --max-regression 2

            \(ConfigOptions.discussion)
            """
    )

    @Argument(help: "Recordings or folders of recordings (the set the baseline was made from).")
    var recordings: [String]

    @Option(help: "The baseline JSON written by 'perfbench baseline' ('none': check --require criteria only).")
    var baseline: String = "Reports/baseline.json"

    @Option(
        help: ArgumentHelp(
            "An absolute criterion the candidate must meet (repeatable): total.p95<=90s, total.mean<120s, "
                + "stage.<path>.p95<=30s, requests.p50<=200, rate.errors<2%, rate.timeouts.reccobeats<1%, "
                + "cache.hit_rate>=50%, cache.hit_rate.repeat>50% (with --session N), quality.overall>=0.7; or a named set: "
                + "plan (the plan's success criteria), guide (the guide's targets), plan-repeat and guide-repeat (their "
                + "cache hit rates on repeat runs, with --session N).",
            valueName: "criterion"))
    var require: [String] = []

    @OptionGroup var config: ConfigOptions

    @Option(help: "Largest allowed increase per metric, in percent.")
    var maxRegression: Double = 5

    @Option(help: "A metric to check (repeatable): total.pNN or stage.<path>.pNN.")
    var metric: [String] = []

    @Option(help: "Verdict format: text, json, markdown or html (one self-contained file).")
    var format: ReportFormat = .text

    @Option(help: "Replays to run at once (default: the number of cores). Output is identical for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        help: ArgumentHelp(
            "Replay each recording N times, its models drawn anew each time (fixed seeds), and call a total "
                + "metric that regresses in the replay but not at the P10 of its draws 'uncertain'. " + DrawCount.help,
            valueName: "N|auto"),
        transform: DrawCount.parse)
    var draws: DrawCount = .auto

    @Flag(help: "Fail (exit 2) on an uncertain metric too, not only on a confirmed regression.")
    var failOnUncertain = false

    @OptionGroup var store: StoreOptions

    @OptionGroup var shard: ShardOptions

    @Option(help: ArgumentHelp("Also write a self-contained HTML verdict (metrics, criteria, each group's totals) to FILE.", valueName: "file"))
    var html: String?

    @OptionGroup var profiles: ProfileOutputs

    @OptionGroup var latency: LatencyOptions

    @OptionGroup var session: SessionOptions

    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
        guard !recordings.isEmpty else { throw ValidationError("name at least one recording or folder.") }
        guard maxRegression >= 0 else { throw ValidationError("--max-regression must be zero or more.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        limits.apply()
        var criteria = try Requirements.parse(require)
        // The config file's `require` criteria, checked as the command line's are.
        if let path = config.configFile, let file = try? ConfigurationFile.load(path: path) {
            for text in file.requirements {
                do {
                    criteria += try Criterion.parse(text.value)
                } catch {
                    throw ExitStatus.badInput.fail("\(path):\(text.line): \(error.description)")
                }
            }
        }
        guard baseline != "none" || !criteria.isEmpty else {
            throw ExitStatus.usage.fail("--baseline none leaves nothing to check: add --require criteria, e.g. --require plan.")
        }
        let reference = baseline == "none" ? nil : try loadBaseline()
        // The baseline's own criteria, checked as the command line's are.
        for text in reference?.requirements ?? [] {
            do {
                criteria += try Criterion.parse(text)
            } catch {
                throw ExitStatus.badInput.fail("\(baseline): require: \(error.description)")
            }
        }
        if session.session < 2, let needing = criteria.first(where: \.needsSession) {
            throw ExitStatus.usage.fail(
                "--require \(needing.text) reads the repeat runs of warm sessions: add --session N (N ≥ 2), e.g. --session 3.")
        }
        let paths = try InputPaths.expand(recordings)
        try ReportOutput.refuseOverwriting(inputs: paths, outputs: [("--html", html)] + profiles.outputs)
        if let reference { try check(reference, paths: paths) }
        shard.begin()
        var options = ReplayOptions()
        latency.apply(to: &options)
        session.apply(to: &options)
        options.keepsEveryEvent =
            // The gate's page shows totals only.
            profiles.needEveryEvent(html: html, format: format, htmlShowsEveryRun: false)
            || criteria.contains(where: \.readsExchanges)
        let runs = try Replaying.run(paths: paths, config: config, jobs: jobs, draws: draws, options: options)
        if try shard.finish(command: "gate") { return }
        Replaying.warn(runs)
        draws.noteUndrawn(recordings: paths.count, runs)
        let candidate = StoreOptions.sharedConfig(of: runs)
        let gate: GateEvaluation
        do {
            gate = try GateEvaluation(
                baseline: reference, candidate: runs, metrics: metric.isEmpty ? GateEvaluation.defaultMetrics : metric,
                thresholdPercent: maxRegression, requirements: criteria)
        } catch let error as GateEvaluation.UnknownMetric {
            throw ExitStatus.usage.fail(error.description)
        }
        switch format {
        case .text: try ReportOutput.write(GateReport.text(gate, candidate: candidate), to: nil)
        case .json: try ReportOutput.write(GateReport.json(gate, candidate: candidate), to: nil)
        case .markdown: try ReportOutput.write(GateReport.markdown(gate, candidate: candidate), to: nil)
        case .html: try ReportOutput.write(HTMLReport.gate(gate, candidate: runs, config: candidate), to: nil)
        }
        if let html { try ReportOutput.write(HTMLReport.gate(gate, candidate: runs, config: candidate), to: html) }
        try profiles.write(runs)
        if runs.count < 20 {
            printToStandardError("perfbench: warning: \(runs.count) recordings; P95 over fewer than 20 is thin.")
        }
        try store.record(kind: .gate, runs: runs, paths: paths, verdict: GateReport.verdict(gate), config: candidate)
        if gate.isRegression || (failOnUncertain && gate.isUncertain) { throw ExitCode(ExitStatus.regression.rawValue) }
    }

    /// Refuses a baseline made from other recordings or by another perfbench (exit 65).
    private func check(_ reference: BaselineFile, paths: [String]) throws {
        let hash = try GateSupport.hash(paths)
        guard hash == reference.recordingSetHash else {
            throw ExitStatus.badInput.fail(
                "\(baseline): made for another set of recordings (hash \(reference.recordingSetHash), these are \(hash)). "
                    + "Gate the same recordings, or regenerate the baseline with 'perfbench baseline'.")
        }
        guard reference.perfbenchVersion == PerfbenchVersion.current else {
            throw ExitStatus.badInput.fail(
                "\(baseline): made by perfbench \(reference.perfbenchVersion), this is \(PerfbenchVersion.current); "
                    + "replay models differ between versions. Regenerate the baseline with 'perfbench baseline'.")
        }
    }

    private func loadBaseline() throws -> BaselineFile {
        guard let data = FileManager.default.contents(atPath: baseline) else {
            throw ExitStatus.missingInput.fail(
                "\(baseline): no such file. Make one with 'perfbench baseline RECORDINGS --output \(baseline)'.")
        }
        do {
            return try BaselineFile.parse(String(decoding: data, as: UTF8.self), path: baseline)
        } catch let error as RecordingError {
            throw ExitStatus.badInput.fail(error.description)
        }
    }
}
