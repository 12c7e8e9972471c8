/// What a tool call produced after limits, retries and caches.
public enum ToolOutcome: Sendable, Hashable {
    case ok(HTTPResponse)
    case failed(ToolFailure)

    /// The response body of a success.
    public var body: String? {
        if case .ok(let response) = self { return response.body }
        return nil
    }
}

/// Why a tool call gave up.
public enum ToolFailure: Sendable, Hashable {
    /// A status the backend does not retry (404, 400, …) or the last attempt's 429/5xx.
    case status(Int)
    case timeout
    case connectionError
    /// The circuit breaker is open: no request was sent.
    case circuitOpen
    /// A Retry-After longer than the configured cap: failed fast.
    case retryAfterTooLong
}
