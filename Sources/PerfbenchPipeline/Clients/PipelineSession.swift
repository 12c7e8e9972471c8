import PerfbenchRecording
import PerfbenchRuntime

/// What outlives one workflow in the backend process: caches, per-tool limiters, the global
/// ReccoBeats semaphore, in-flight dedup and the circuit breaker. Workflows run one after another
/// in a session find its caches warm, as the second playlist of a real user does.
public final class PipelineSession: Sendable {
    public let config: PipelineConfiguration
    public let tools: ToolCatalogue
    public let transport: any HTTPTransport
    public let clock: PipelineClock
    /// Base URL per service for recorded URLs.
    public let bases: [Service: String]
    /// Whether a workflow's result keeps its exchanges, waits, retries and cache hits as events
    /// (its stage spans and counters are always kept). A replay whose events nobody reads (an
    /// interval's later draws, a sweep's or search's runs) keeps none: building each exchange,
    /// its URL and its copies was a tenth of a what-if draw's retains.
    public let keepsEvents: Bool
    /// How much of each request a kept exchange carries (``ExchangeDetail``).
    public let exchangeDetail: ExchangeDetail

    let responses = TTLCache<HTTPResponse>(expected: 256)
    let anchors = TTLCache<[Track]>()
    let seedChunks = TTLCache<[Track]>()
    /// Spotify id → ReccoBeats id ("" when ReccoBeats lacks the track).
    let registry = TTLCache<String>(capacity: 100_000, expected: 256)
    let reccobeatsSlots: AsyncSemaphore
    let dedup = InFlightDedup<ToolOutcome>()
    let breaker: CircuitBreaker?
    private let limiters: [String: WindowLimiter]
    private let gates: [String: MinIntervalGate]

    /// - Parameters:
    ///   - minuteOffset: where the replay's zero falls within a wall-clock minute (the window
    ///     limiter counts calendar minutes).
    ///   - keepsEvents: false when no one reads the exchanges, waits, retries or cache hits
    ///     (``keepsEvents``).
    ///   - exchangeDetail: how much of each request a kept exchange carries (everything, by
    ///     default: a live recording writes it all).
    public init(
        config: PipelineConfiguration, transport: any HTTPTransport, clock: PipelineClock,
        minuteOffset: Duration = .zero, bases: [Service: String] = [:], keepsEvents: Bool = true,
        exchangeDetail: ExchangeDetail = .everything
    ) {
        self.config = config
        self.transport = transport
        self.clock = clock
        self.bases = bases
        self.keepsEvents = keepsEvents
        self.exchangeDetail = exchangeDetail
        let tools = ToolCatalogue(config: config)
        self.tools = tools
        reccobeatsSlots = AsyncSemaphore(permits: config.reccobeatsSemaphore)
        breaker = config.circuitBreaker.map(CircuitBreaker.init(policy:))
        let all = [
            tools.searchTracks, tools.searchArtists, tools.artistTopTracks, tools.artist,
            tools.artistAlbums, tools.albumTracks, tools.track, tools.userTopTracks,
            tools.userTopArtists, tools.recommendations, tools.multipleTracks, tools.audioFeatures,
            tools.llm,
        ]
        var limiters: [String: WindowLimiter] = [:]
        var gates: [String: MinIntervalGate] = [:]
        for tool in all {
            if let limit = tool.perMinute, tool.limiterName == tool.name {
                limiters[tool.name] = WindowLimiter(limit: limit, minuteOffset: minuteOffset)
            }
            gates[tool.name] = MinIntervalGate(interval: tool.minInterval)
        }
        self.limiters = limiters
        self.gates = gates
    }

    func limiter(for tool: ToolSpec) -> WindowLimiter? { limiters[tool.limiterName] }
    func gate(for tool: ToolSpec) -> MinIntervalGate? { gates[tool.name] }

    func base(for service: Service) -> String {
        bases[service] ?? HTTPRequest.defaultBase(for: service)
    }
}

extension PipelineSession {
    /// Issues `count` identical, concurrent, uncached ReccoBeats id-mapping calls (for tests of
    /// in-flight deduplication; reached with `@testable import`).
    func testingConcurrentMappingCalls(ids: [String], count: Int) async throws {
        let observer = RunObserver(origin: clock.now)
        let client = ReccoBeatsClient(caller: ToolCaller(session: self, observer: observer))
        let mapping = tools.trackMapping
        try await withThrowingDiscardingTaskGroup { group in
            for _ in 0..<count {
                group.addTask { _ = try await client.multipleTracks(ids, tool: mapping) }
            }
        }
    }
}

/// How much of each request and answer a workflow's kept exchanges carry.
public enum ExchangeDetail: Sendable {
    /// URL, headers and both bodies: what a live recording writes.
    case everything
    /// URL, method, status and timing, no headers or bodies: what a replay's trace and timeline
    /// draw. An LLM call writes its body only when read: keeping it would write every body
    /// once more only to drop it.
    case url
    /// Timing, service, tool, method, stage, status and outcome only: what the critical path
    /// reads (a replay whose report keeps only that path's summary renders no URL).
    case timing
}
