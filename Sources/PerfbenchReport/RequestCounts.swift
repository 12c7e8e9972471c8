/// How many upstream requests a run made, by service and by how the replay answered them.
public struct RequestCounts: Sendable, Equatable, Hashable, Codable {
    /// Every request the pipeline sent.
    public var total: Int
    /// Requests per service name (`spotify`, `reccobeats`, `llm`, …); written sorted by name.
    public var byService: [String: Int]
    /// Answered by a recorded exchange that matched exactly.
    public var exact: Int
    /// Answered by a batch composed from recorded per-id items.
    public var composed: Int
    /// Answered by the synthesizer: nothing recorded matched.
    public var synthesized: Int
    /// How each endpoint's requests were answered (replays only; empty for live runs), by
    /// `service tool` (`llm TASK` for LLM calls); written sorted by name.
    public var byEndpoint: [String: EndpointAnswers] {
        get { endpointFigures.dictionary }
        _modify { yield &endpointFigures.dictionary }
        set { endpointFigures.dictionary = newValue }
    }
    /// The storage of ``byEndpoint``, packed while a corpus holds the run.
    var endpointFigures: NamedFigures<EndpointAnswers>
    /// Request time per stage path (`""` for requests outside every stage), by what the answers
    /// rest on (replays only).
    public var timeBySource: [String: SourceTimes] {
        get { sourceFigures.dictionary }
        _modify { yield &sourceFigures.dictionary }
        set { sourceFigures.dictionary = newValue }
    }
    /// The storage of ``timeBySource``, packed while a corpus holds the run.
    var sourceFigures: NamedFigures<SourceTimes>
    /// Requests that ended in an error status or a connection error.
    public var errors: Int
    /// Requests the client gave up on.
    public var timeouts: Int

    /// Makes request counts; every count defaults to zero.
    public init(
        total: Int = 0, byService: [String: Int] = [:], exact: Int = 0, composed: Int = 0,
        synthesized: Int = 0, byEndpoint: [String: EndpointAnswers] = [:],
        timeBySource: [String: SourceTimes] = [:], errors: Int = 0, timeouts: Int = 0
    ) {
        self.sourceFigures = NamedFigures(timeBySource)
        self.total = total
        self.byService = byService
        self.exact = exact
        self.composed = composed
        self.synthesized = synthesized
        self.endpointFigures = NamedFigures(byEndpoint)
        self.errors = errors
        self.timeouts = timeouts
    }

    /// The stored properties' names in the JSON form, as before the maps were packed.
    enum CodingKeys: String, CodingKey {
        case total, byService, exact, composed, synthesized, errors, timeouts
        case endpointFigures = "byEndpoint"
        case sourceFigures = "timeBySource"
    }

    /// The sum of two runs' counts, for corpus totals.
    public static func + (lhs: RequestCounts, rhs: RequestCounts) -> RequestCounts {
        RequestCounts(
            total: lhs.total + rhs.total,
            byService: lhs.byService.merging(rhs.byService, uniquingKeysWith: +),
            exact: lhs.exact + rhs.exact, composed: lhs.composed + rhs.composed,
            synthesized: lhs.synthesized + rhs.synthesized,
            byEndpoint: lhs.byEndpoint.merging(rhs.byEndpoint, uniquingKeysWith: +),
            timeBySource: lhs.timeBySource.merging(rhs.timeBySource, uniquingKeysWith: +), errors: lhs.errors + rhs.errors,
            timeouts: lhs.timeouts + rhs.timeouts)
    }
}
