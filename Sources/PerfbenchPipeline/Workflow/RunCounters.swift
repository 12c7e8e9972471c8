import PerfbenchRecording

/// The per-run figures reports need beyond the stage tree.
public struct RunCounters: Sendable, Hashable {
    /// Requests sent (attempts, retries included) per service.
    public var requestsByService: [Service: Int] {
        get { requests.dictionary }
        set { requests = ServiceTally(newValue) }
    }
    private var requests = ServiceTally()
    public var windowWaits = 0
    public var windowWaitSeconds = 0.0
    public var minIntervalWaits = 0
    public var minIntervalWaitSeconds = 0.0
    public var retryAfterWaits = 0
    public var retryAfterSeconds = 0.0
    public var semaphoreWaits = 0
    public var semaphoreWaitSeconds = 0.0
    public var retries = 0
    public var timeouts = 0
    public var errors = 0
    public var cacheHits = 0
    public var cacheMisses = 0
    /// Most requests in flight at once, per service.
    public var peakInFlight: [Service: Int] {
        get { peaks.dictionary }
        set { peaks = ServiceTally(newValue) }
    }
    private var peaks = ServiceTally()
    /// LLM answers that were missing or malformed and took the backend's fallback.
    public var llmFallbacks = 0
    /// Requests slower than the slow-request-log threshold (when that toggle is on).
    public var slowRequests = 0
    /// Calls refused by an open circuit breaker.
    public var circuitOpenRejections = 0
    /// Anchor tracks chosen by anchor selection.
    public var anchors = 0
    /// Generator runs (initial strategies count once per strategy).
    public var generatorRuns = 0

    public init() {}

    /// All requests sent.
    public var totalRequests: Int {
        Service.allCases.reduce(0) { $0 + (requests[$1] ?? 0) }
    }

    mutating func notePeak(_ service: Service, _ inFlight: Int) {
        peaks[service] = max(peaks[service] ?? 0, inFlight)
    }

    /// One finished exchange of `service`: a request, and an error or timeout when it was one.
    mutating func note(_ service: Service, outcome: Outcome, status: Int?) {
        requests[service] = (requests[service] ?? 0) + 1
        switch outcome {
        case .timeout: timeouts += 1
        case .connectionError: errors += 1
        case .ok:
            if let status, status >= 400 { errors += 1 }
        }
    }

    mutating func note(_ wait: Wait) {
        switch wait.kind {
        case .window:
            windowWaits += 1
            windowWaitSeconds += wait.seconds
        case .minInterval:
            minIntervalWaits += 1
            minIntervalWaitSeconds += wait.seconds
        case .retryAfter:
            retryAfterWaits += 1
            retryAfterSeconds += wait.seconds
        case .semaphore:
            semaphoreWaits += 1
            semaphoreWaitSeconds += wait.seconds
        }
    }
}
