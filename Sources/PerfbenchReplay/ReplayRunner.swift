import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReport
import PerfbenchRuntime

/// Replays recordings through the pipeline on virtual time.
public enum ReplayRunner {
    /// Replays `recording` (read from `path`, which names it in the result and in errors) under
    /// `config`, or under the configuration its header records when `config` is nil.
    ///
    /// The workflow gets the header's prompt and user; every upstream request is answered by a
    /// ``ReplayTransport``; the result's request counts say how many answers were exact,
    /// composed and synthesized.
    ///
    /// - Throws: `RecordingError` (exit 65) when the header's configuration is invalid;
    ///   ``ReplayError/unanswerable(request:tool:stage:nearest:recording:)`` in strict mode;
    ///   `VirtualTimeError` when the pipeline stalls.
    public static func replay(
        recording: Recording, path: String, config: PipelineConfiguration?, strict: Bool
    ) throws -> RunResult {
        try replay(index: ReplayIndex(recording: recording), path: path, config: config, options: ReplayOptions(strict: strict)).run
    }

    /// Replays an indexed recording with full options and returns everything it produced.
    public static func replay(
        index: ReplayIndex, path: String, config: PipelineConfiguration?, options: ReplayOptions
    ) throws -> ReplayOutcome {
        let header = index.recording.header
        let configuration = try config ?? recordedConfiguration(of: index, path: path)
        let options = {
            var options = options
            options.atRecordedConfiguration =
                options.latencyChanges.isEmpty && (config.map { $0.phaseMap == index.recordedPhaseMap } ?? true)
            return options
        }()
        let input = WorkflowInput(
            prompt: header.prompt, userID: header.userID ?? WorkflowInput(prompt: "").userID,
            observedGaps: index.observedGaps)
        let run = try VirtualTime.run { clock in
            let transport = ReplayTransport(index: index, clock: clock, options: options)
            let session = PipelineSession(
                config: configuration, transport: transport, clock: PipelineClock(clock),
                minuteOffset: options.minuteOffset ?? minuteOffset(of: header))
            let result: Result<WorkflowResult, any Error>
            do {
                result = .success(try await Workflow.run(input, in: session))
            } catch {
                result = .failure(error)
            }
            return (
                result, transport.counters, transport.firstUnanswerable,
                options.reportsServedExchanges ? transport.servedExchanges : [:], transport.sendRates)
        }
        let (result, answers, unanswerable, served, rates) = run.value
        // Strict failures of cached calls are swallowed by the pipeline; report the first one.
        if let unanswerable { throw unanswerable.naming(recording: path) }
        let workflow: WorkflowResult
        do {
            workflow = try result.get()
        } catch let error as ReplayError {
            throw error.naming(recording: path)
        }
        var outcome = ReplayOutcome.make(
            path: path, configuration: configuration, workflow: workflow, answers: answers,
            executorJobs: run.jobs)
        outcome.servedExchanges = served
        if !options.latencyChanges.isEmpty {
            // The report names what was changed, as the configuration it ran under.
            outcome.run.config.name += " latency " + options.latencyChanges.map(\.description).joined(separator: " ")
        }
        if !options.keepsEvents {
            outcome.run.exchanges = []
            outcome.run.waitEvents = []
        }
        // What a what-if (a configuration other than the recorded one) must say about itself.
        let fitted = answers.timeBySource.values.reduce(0) { $0 + $1.fitted }
        // Beyond the busiest window, or beyond twice the busiest burst (a burst one call fuller
        // is noise; twice as full is a pattern the recording never showed).
        let faster = rates.filter { $0.replayed > ($0.isBurst ? 2 * $0.recorded : $0.recorded) }
        guard fitted > 0 || !faster.isEmpty, !options.atRecordedConfiguration else { return outcome }
        // Fitted latencies were fitted at the recorded configuration; another one changes how
        // those calls overlap, so the figures that rest on them are less sure: say how much.
        if fitted > 0 { outcome.run.counters[RunResult.fittedUnderWhatIfCounter] = Double(fitted) / 1_000_000 }
        // Sending a host faster than the recording ever did: whatever the rate-limit model
        // answers there (429 waits, or none) is an extrapolation. Only for what-ifs: at the
        // recorded configuration the busiest window can come out a call fuller on replayed
        // timing (seen: 67 against 66 for a HAR capture).
        for rate in faster {
            let name = "\(rate.service.rawValue)_per_\(rate.span.components.seconds)s"
            outcome.run.counters[RunResult.extrapolatedRatePrefix + name] = Double(rate.replayed)
            outcome.run.counters[RunResult.recordedRatePrefix + name] = Double(rate.recorded)
        }
        return outcome
    }

    /// Where a recording's zero falls within a wall-clock minute: for a workflow imported from
    /// the backend's log (recorder `… import moodlist-log`), the seconds of its `created_at`
    /// (`2025-11-07T14:40:14.435832Z` → 14.435832 s); zero for anything else.
    public static func minuteOffset(of header: RecordingHeader) -> Duration {
        guard header.isImportedLog,
            let time = header.createdAt.split(separator: "T").last,
            let seconds = time.split(separator: ":").dropFirst(2).first.map({ $0.prefix { $0.isNumber || $0 == "." } }),
            let value = Double(seconds), value >= 0, value < 60
        else { return .zero }
        return .microseconds(Int64((value * 1_000_000).rounded()))
    }

    /// The configuration a recording's header names, rebuilt from its phase map.
    public static func recordedConfiguration(_ header: RecordingHeader, path: String) throws -> PipelineConfiguration {
        do {
            return try PipelineConfiguration(name: header.configLabel, phases: header.phases)
        } catch {
            throw invalidPhases(error, path: path)
        }
    }

    /// The configuration an indexed recording's header records (built once by the index).
    static func recordedConfiguration(of index: ReplayIndex, path: String) throws -> PipelineConfiguration {
        do {
            return try index.recordedConfiguration.get()
        } catch {
            throw invalidPhases(error, path: path)
        }
    }

    private static func invalidPhases(_ error: ConfigurationError, path: String) -> RecordingError {
        RecordingError(
            .badData, path: path, line: 1, field: "config.phases", problem: error.message,
            fix: "fix the header's phases, or replay with an explicit --preset or --phase")
    }
}
