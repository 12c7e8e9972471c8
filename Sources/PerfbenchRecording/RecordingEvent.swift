/// One line of a recording after the header, in start order.
public enum RecordingEvent: Sendable, Equatable, Hashable, Codable {
    /// An upstream HTTP exchange.
    case exchange(Exchange)
    /// A client-side wait (window limiter, minimum interval, Retry-After).
    case wait(Wait)
    /// A client-side retry decision.
    case retry(Retry)
    /// A client-side cache hit.
    case cacheHit(CacheEvent)
    /// A stage span of the workflow.
    case stage(StageSpan)

    /// When the event started, in microseconds from the workflow start; events are ordered by it.
    public var startMicros: Int {
        switch self {
        case .exchange(let exchange): return exchange.startMicros
        case .wait(let wait): return wait.startMicros
        case .retry(let retry): return retry.startMicros
        case .cacheHit(let hit): return hit.startMicros
        case .stage(let span): return span.startMicros
        }
    }

    /// When the event ended (its start for instantaneous events), in microseconds.
    public var endMicros: Int {
        switch self {
        case .exchange(let exchange): return exchange.startMicros + exchange.durationMicros
        case .wait(let wait): return wait.startMicros + wait.durationMicros
        case .retry(let retry): return retry.startMicros
        case .cacheHit(let hit): return hit.startMicros
        case .stage(let span): return span.startMicros + span.durationMicros
        }
    }

    /// Observed or inferred.
    public var provenance: Provenance {
        switch self {
        case .exchange(let exchange): return exchange.provenance
        case .wait(let wait): return wait.provenance
        case .retry(let retry): return retry.provenance
        case .cacheHit(let hit): return hit.provenance
        case .stage(let span): return span.provenance
        }
    }

    /// The `type` written on the event's line.
    public var typeName: String {
        switch self {
        case .exchange: return "exchange"
        case .wait: return "wait"
        case .retry: return "retry"
        case .cacheHit: return "cache_hit"
        case .stage: return "stage"
        }
    }

    /// Every `type` a line may have after the header (including `body`, which the reader
    /// resolves into exchanges and never returns).
    static let lineTypes = ["exchange", "body", "wait", "retry", "cache_hit", "stage"]
}
