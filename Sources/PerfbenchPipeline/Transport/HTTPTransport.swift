import PerfbenchRecording

/// An upstream answer: status, headers and the JSON body text.
///
/// Equality and hashing compare status, headers and body; ``parsedBody`` is a cache of the body.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: String
    /// The body already parsed, when the transport has it (``ParsedBody``); nil: the clients
    /// parse ``body``. Set it only to the parse of this very body.
    public var parsedBody: ParsedBody?

    public init(status: Int, headers: [HTTPHeader] = [], body: String, parsedBody: ParsedBody? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.parsedBody = parsedBody
    }

    public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.headers == rhs.headers && lhs.body == rhs.body
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(status)
        hasher.combine(headers)
        hasher.combine(body)
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
