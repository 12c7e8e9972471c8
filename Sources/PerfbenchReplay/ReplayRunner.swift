import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReport
import PerfbenchRuntime
import Synchronization

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
        // Rendered once: the report's summary and the comparison with the recording's both need
        // it (rendering every toggle's value was ≈ 2 % of a what-if draw).
        let phases = configuration.phaseMap
        let options = {
            var options = options
            options.atRecordedConfiguration =
                options.latencyChanges.isEmpty && (config == nil || phases == index.recordedPhaseMap)
            return options
        }()
        let input = WorkflowInput(
            prompt: header.prompt, userID: header.userID ?? WorkflowInput(prompt: "").userID,
            observedGaps: index.observedGaps)
        let run = try VirtualTime.run { clock in
            // One pipeline session for every run of a warm session: its caches, limiters and
            // breaker carry over; each run gets a fresh transport, as a new workflow would.
            let transport = SessionTransport(ReplayTransport(index: index, clock: clock, options: options))
            let session = PipelineSession(
                config: configuration, transport: transport, clock: PipelineClock(clock),
                minuteOffset: options.minuteOffset ?? minuteOffset(of: header), keepsEvents: options.keepsEvents,
                exchangeDetail: options.keepsEveryEvent ? .url : .timing)
            var runs: [SessionRunOutput] = []
            for number in 0..<max(1, options.sessionRuns) {
                if number > 0 {
                    if options.sessionGap > .zero { try await clock.sleep(for: options.sessionGap) }
                    transport.current = ReplayTransport(index: index, clock: clock, options: options)
                }
                let replayTransport = transport.current
                let result: Result<WorkflowResult, any Error>
                do {
                    result = .success(try await Workflow.run(input, in: session))
                } catch {
                    result = .failure(error)
                }
                runs.append(
                    SessionRunOutput(
                        result: result, answers: replayTransport.counters, unanswerable: replayTransport.firstUnanswerable,
                        served: options.reportsServedExchanges && number == 0 ? replayTransport.servedExchanges : [:],
                        rates: replayTransport.sendRates, loads: replayTransport.inFlightPeaks))
                if case .failure = result { break }
            }
            return runs
        }
        var outcomes: [ReplayOutcome] = []
        for output in run.value {
            // Strict failures of cached calls are swallowed by the pipeline; report the first one.
            if let unanswerable = output.unanswerable { throw unanswerable.naming(recording: path) }
            let workflow: WorkflowResult
            do {
                workflow = try output.result.get()
            } catch let error as ReplayError {
                throw error.naming(recording: path)
            }
            var outcome = ReplayOutcome.make(
                path: path, configuration: configuration, phases: phases, workflow: workflow, answers: output.answers,
                executorJobs: outcomes.isEmpty ? run.jobs : 0)
            outcome.servedExchanges = output.served
            annotate(&outcome, options: options, answers: output.answers, rates: output.rates, loads: output.loads)
            if !options.atRecordedConfiguration { noteOutages(&outcome, index.models.outages) }
            outcomes.append(outcome)
        }
        var outcome = outcomes[0]
        outcome.run.laterRuns = outcomes.dropFirst().map(\.run)
        if options.keepsEvents, !options.keepsEveryEvent {
            outcome.run = CriticalPath.keepingOnlySummary(of: outcome.run)
        }
        return outcome
    }

    /// Names the latency changes and says what a what-if's figures rest on (fitted latencies,
    /// send rates beyond the recording's).
    private static func annotate(
        _ outcome: inout ReplayOutcome, options: ReplayOptions, answers: ReplayCounters, rates: [SendRate],
        loads: [InFlightPeak]
    ) {
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
        let heavier = loads.filter { $0.replayed > $0.recorded }
        guard fitted > 0 || !faster.isEmpty || !heavier.isEmpty, !options.atRecordedConfiguration else { return }
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
            // Per endpoint, the three that went furthest past the recording's busiest window.
            for tool in rate.tools.prefix(3) {
                let endpoint = "\(rate.service.rawValue)_\(tool.tool)_per_\(rate.span.components.seconds)s"
                outcome.run.counters[RunResult.extrapolatedEndpointRatePrefix + endpoint] = Double(tool.replayed)
                outcome.run.counters[RunResult.recordedEndpointRatePrefix + endpoint] = Double(tool.recorded)
            }
        }
        // More calls at once on a host whose recorded latency grew with its load: the plain
        // replay keeps the recorded latencies; the interval's load draws let them grow.
        for load in heavier {
            outcome.run.counters[RunResult.extrapolatedLoadPrefix + load.service.rawValue] = Double(load.replayed)
            outcome.run.counters[RunResult.recordedLoadPrefix + load.service.rawValue] = Double(load.recorded)
        }
    }

    /// A what-if on a recording that shows a host down says so: the plain replay has the host
    /// come back as it did; the interval's outage draws keep it down.
    private static func noteOutages(_ outcome: inout ReplayOutcome, _ outages: OutageModel) {
        for (service, outage) in outages.byService {
            outcome.run.counters[RunResult.outageStreakPrefix + service.rawValue] = Double(outage.streak)
            outcome.run.counters[RunResult.outageFromPrefix + service.rawValue] = Double(outage.startMicros) / 1_000_000
        }
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

/// What one run of a session left: the workflow (or its error) and its transport's figures.
private struct SessionRunOutput: Sendable {
    var result: Result<WorkflowResult, any Error>
    var answers: ReplayCounters
    var unanswerable: ReplayError?
    var served: [String: Int]
    var rates: [SendRate]
    var loads: [InFlightPeak]
}

/// The transport a warm session's pipeline keeps: each run swaps in a fresh replay transport
/// (recorded answers unserved again), while the session's caches stay warm.
private final class SessionTransport: HTTPTransport, Sendable {
    private let slot: Mutex<ReplayTransport>

    init(_ first: ReplayTransport) {
        slot = Mutex(first)
    }

    var current: ReplayTransport {
        get { slot.withLock { $0 } }
        set { slot.withLock { $0 = newValue } }
    }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> TransportResult {
        try await current.send(request, timeout: timeout)
    }

    func warmCacheAnswer(for request: HTTPRequest) -> HTTPResponse? {
        current.warmCacheAnswer(for: request)
    }
}
