import PerfbenchRecording

/// An upstream answer: status, headers and the JSON body text.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: String

    public init(status: Int, headers: [HTTPHeader] = [], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header called `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringCase(name) }?.value
    }

    /// `Retry-After` in seconds, when present and usable (`RetryAfter.seconds`: NaN, infinite
    /// and negative values count as absent, more than a year as a year).
    public var retryAfterSeconds: Double? {
        header("Retry-After").flatMap(RetryAfter.seconds)
    }
}

/// What became of one request.
public enum TransportResult: Sendable, Hashable {
    /// The server answered (any status, 429 and 5xx included).
    case response(HTTPResponse)
    /// No answer within the read timeout the client gave.
    case timeout
    /// The connection failed (refused, reset, DNS) with a short reason.
    case connectionError(String)
}

/// Sends requests upstream. Live, replay and simulated implementations are interchangeable, so
/// the same pipeline code runs against real services, a recording or the simulated world.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the answer, `.timeout` once `timeout` has passed without one,
    /// or `.connectionError`. Throws only `CancellationError`.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> TransportResult

    /// What a persistent cache that earlier runs warmed would hold for `request`, answered at
    /// once and without a call (the `warm-cache` toggle); nil when the transport cannot say.
    func warmCacheAnswer(for request: HTTPRequest) -> HTTPResponse?
}

extension HTTPTransport {
    /// Live and simulated upstreams cannot say what an earlier run cached: the cache stays cold.
    public func warmCacheAnswer(for request: HTTPRequest) -> HTTPResponse? { nil }
}

extension String {
    fileprivate func equalsIgnoringCase(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}
