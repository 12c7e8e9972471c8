import PerfbenchRecording
import PerfbenchRuntime
import Synchronization

/// Runs one workflow live — real HTTP through a ``LiveTransport``, real time on a
/// ``ScaledClock`` — and returns its native recording.
///
/// The recorded URLs name the public services (`https://api.spotify.com/v1/…`) whichever base
/// answered, so the recording replays like one made against them.
///
/// Every time in the result is world time: exchanges, waits, retries and stage spans are all
/// measured by the pipeline on its clock, which at scale K reads real time × K, and Retry-After
/// values from a scaled server are multiplied back by ``TimeScaledTransport``. A replay of the
/// recording therefore waits world seconds. Real time that is not an upstream's (the pipeline's
/// own CPU work between requests, a late wake-up) is magnified by K too; that is the live run's
/// only departure from a replay of it.
public enum LiveRecorder {
    /// What to record.
    public struct Options: Sendable {
        /// Base URL per service (scheme, host, port, optional path prefix).
        public var bases: [Service: String]
        /// Extra headers per service, e.g. `Authorization` (sent, never recorded).
        public var headers: [Service: [HTTPHeader]]
        /// World seconds per real second; the upstreams must run at the same scale.
        public var timeScale: Double
        /// The configuration the pipeline runs under.
        public var config: PipelineConfiguration
        /// The user's prompt.
        public var prompt: String
        /// The user the workflow runs for.
        public var userID: String
        /// The header's `created_at` (a live recording carries the real start time).
        public var createdAt: String
        /// How long (real time) the reachability check waits for each upstream.
        public var probeTimeout: Duration

        /// Options for a run at `timeScale` against `bases`.
        public init(
            bases: [Service: String], headers: [Service: [HTTPHeader]] = [:], timeScale: Double = 1,
            config: PipelineConfiguration = .baseline, prompt: String, userID: String = "user-1",
            createdAt: String, probeTimeout: Duration = .seconds(5)
        ) {
            self.bases = bases
            self.headers = headers
            self.timeScale = timeScale
            self.config = config
            self.prompt = prompt
            self.userID = userID
            self.createdAt = createdAt
            self.probeTimeout = probeTimeout
        }
    }

    /// A finished live run.
    public struct Output: Sendable {
        /// The recording (header and events in start order), times in world seconds.
        public var recording: Recording
        /// What the workflow produced.
        public var result: WorkflowResult
        /// Real time the workflow took.
        public var wall: Duration
    }

    /// The `recorder` field of a live recording's header.
    public static func recorderName(timeScale: Double) -> String {
        let scale = timeScale == timeScale.rounded() ? String(Int64(timeScale)) : String(timeScale)
        return "perfbench \(PerfbenchVersion.current) record" + (timeScale == 1 ? "" : " (time scale \(scale))")
    }

    /// Checks every upstream answers at the right scale, then runs the workflow.
    ///
    /// - Parameter progress: told the stage path and world time of each stage's first request.
    /// - Throws: ``LiveRecordingError`` when an upstream is unreachable (before or during the
    ///   run) or runs at another time scale; `CancellationError` when cancelled.
    public static func record(
        _ options: Options, progress: @escaping @Sendable (_ stage: String, _ at: Duration) -> Void = { _, _ in }
    ) async throws -> Output {
        try await probe(options)
        let (aborts, abort) = AsyncStream<LiveRecordingError>.makeStream(bufferingPolicy: .bufferingOldest(1))
        let clock = ScaledClock(timeScale: options.timeScale)
        let live = LiveTransport(
            bases: options.bases, headers: options.headers,
            onUnreachable: { abort.yield(.unreachable($0)) })
        let scaled = TimeScaledTransport(upstream: live, clock: clock) { service, served in
            abort.yield(
                .timeScaleMismatch(
                    service: service, base: base(options, service), expected: options.timeScale, served: served))
        }
        let pipelineClock = PipelineClock(clock)
        let transport = StageAnnouncer(upstream: scaled, clock: pipelineClock, progress: progress)
        // Recorded URLs name the public services, as the pipeline asked them, whatever base
        // served them: a replay matches requests by path, and a local base may add a prefix
        // (`perfbench serve` puts ReccoBeats under /reccobeats).
        let session = PipelineSession(config: options.config, transport: transport, clock: pipelineClock)
        let input = WorkflowInput(prompt: options.prompt, userID: options.userID)
        let started = ContinuousClock.now
        let result = try await withThrowingTaskGroup(of: WorkflowResult?.self) { group in
            group.addTask { try await Workflow.run(input, in: session) }
            group.addTask {
                // Ends (nil) when the workflow finishes and the group cancels this watcher.
                for await error in aborts { throw error }
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let result = next { return result }
            }
            throw CancellationError()
        }
        let wall = started.duration(to: .now)
        abort.finish()
        let header = RecordingHeader(
            createdAt: options.createdAt, recorder: recorderName(timeScale: options.timeScale),
            configName: options.config.name, phases: options.config.phaseMap, prompt: options.prompt,
            userID: options.userID)
        return Output(recording: Recording(header: header, events: result.events), result: result, wall: wall)
    }

    /// One request to each distinct base before the run: any HTTP answer proves it reachable,
    /// and its `X-Perfbench-Time-Scale` must match the clock's.
    static func probe(_ options: Options) async throws {
        var seen = Set<String>()
        let services = [Service.llm, .spotify, .reccobeats].filter { seen.insert(base(options, $0)).inserted }
        let unreachable = FirstUnreachable()
        let probe = LiveTransport(
            bases: options.bases, connectTimeout: options.probeTimeout, onUnreachable: unreachable.note)
        for service in services {
            let request = HTTPRequest(service: service, path: "/", tool: "probe")
            let result = try await probe.send(request, timeout: options.probeTimeout)
            switch result {
            case .response(let response):
                let served = TimeScaledTransport.timeScale(of: response)
                if !TimeScaledTransport.sameScale(served, options.timeScale) {
                    throw LiveRecordingError.timeScaleMismatch(
                        service: service, base: base(options, service), expected: options.timeScale, served: served)
                }
            case .timeout:
                throw LiveRecordingError.unreachable(
                    UnreachableHost(
                        service: service, base: base(options, service),
                        cause: "no answer within \(options.probeTimeout.seconds.formatted(decimals: 0)) s"))
            case .connectionError(let reason):
                let host = unreachable.host
                    ?? UnreachableHost(service: service, base: base(options, service), cause: reason)
                throw LiveRecordingError.unreachable(host)
            }
        }
    }

    private static func base(_ options: Options, _ service: Service) -> String {
        options.bases[service] ?? HTTPRequest.defaultBase(for: service)
    }
}

/// The first unreachable host the probe's transport reported.
private final class FirstUnreachable: Sendable {
    private let first = Mutex<UnreachableHost?>(nil)

    var host: UnreachableHost? { first.withLock { $0 } }

    @Sendable func note(_ host: UnreachableHost) {
        first.withLock { $0 = $0 ?? host }
    }
}

/// Passes requests on and tells `progress` the first time each stage path sends one.
private final class StageAnnouncer: HTTPTransport {
    let upstream: any HTTPTransport
    let clock: PipelineClock
    let progress: @Sendable (String, Duration) -> Void
    /// Stage paths announced so far, shared by the run's concurrent requests.
    private let seen = Mutex<Set<String>>([])

    init(upstream: any HTTPTransport, clock: PipelineClock, progress: @escaping @Sendable (String, Duration) -> Void) {
        self.upstream = upstream
        self.clock = clock
        self.progress = progress
    }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> TransportResult {
        if let stage = request.stage, seen.withLock({ $0.insert(stage).inserted }) {
            progress(stage, clock.now)
        }
        return try await upstream.send(request, timeout: timeout)
    }
}
