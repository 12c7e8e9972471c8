/// One HTTP header as sent or received, kept in wire order (names may repeat).
public struct HTTPHeader: Sendable, Equatable, Hashable, Codable {
    /// The header name as written (case preserved).
    public var name: String
    /// The header value.
    public var value: String

    /// A header `name: value`.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The upstream an exchange went to.
public enum Service: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// The Spotify Web API (`api.spotify.com`).
    case spotify
    /// The ReccoBeats API (`api.reccobeats.com`).
    case reccobeats
    /// The OpenAI-compatible chat-completions endpoint.
    case llm
    /// Anything else.
    case other

    /// The service a URL belongs to: Spotify and ReccoBeats by host, any `/chat/completions`
    /// path as the LLM, everything else `other`.
    /// The public base URL recordings name the service by (a capture through a local proxy or a
    /// simulated upstream is rewritten to it, so it replays like the real service).
    public var publicBase: String {
        switch self {
        case .spotify: "https://api.spotify.com"
        case .reccobeats: "https://api.reccobeats.com"
        case .llm: "https://api.openai.com"
        case .other: "http://localhost"
        }
    }

    public static func classify(url: String) -> Service {
        let parts = URLParts(url)
        let host = parts.host.lowercased()
        if host == "api.spotify.com" { return .spotify }
        if host == "api.reccobeats.com" { return .reccobeats }
        if parts.path.hasSuffix("/chat/completions") || parts.path.contains("/chat/completions/") { return .llm }
        return .other
    }
}

/// How an exchange ended at the transport level (the HTTP status says the rest).
public enum Outcome: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// A response arrived (any status).
    case ok
    /// The client gave up waiting.
    case timeout
    /// The connection failed (refused, reset, DNS): no response.
    case connectionError = "connection_error"
}

/// Whether an event was seen directly or deduced (log imports infer some events).
public enum Provenance: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// Recorded as it happened.
    case observed
    /// Reconstructed from indirect evidence, such as a log line's timing.
    case inferred
    /// Inferred, then its latency rescaled by an import's fit so that a replay reproduces the
    /// log's stage spans: the least direct evidence there is.
    case fitted
}

/// One upstream HTTP request and what came back.
public struct Exchange: Sendable, Equatable, Hashable, Codable {
    /// Unique within the recording, e.g. `x42`.
    public var id: String
    /// When the request started, in microseconds from the workflow start.
    public var startMicros: Int
    /// How long until the response ended (or the client gave up), in microseconds.
    public var durationMicros: Int
    /// The upstream service.
    public var service: Service
    /// The HTTP method, e.g. `GET`.
    public var method: String
    /// The full URL, query included (secrets redacted when written).
    public var url: String
    /// The kept request headers, in order.
    public var requestHeaders: [HTTPHeader]
    /// The request body, if any.
    public var requestBody: String?
    /// The HTTP status; nil when no response arrived.
    public var status: Int?
    /// The kept response headers (Retry-After among them), in order.
    public var responseHeaders: [HTTPHeader]
    /// The response body, if any.
    public var responseBody: String?
    /// How the exchange ended.
    public var outcome: Outcome
    /// The client-side tool that issued it, e.g. `reccobeats_audio_features`.
    public var tool: String?
    /// The workflow stage that issued it, e.g. `seed_based`.
    public var stage: String?
    /// Observed or inferred.
    public var provenance: Provenance

    /// Makes an exchange; everything after `url` has a neutral default.
    public init(
        id: String, startMicros: Int, durationMicros: Int, service: Service, method: String, url: String,
        requestHeaders: [HTTPHeader] = [], requestBody: String? = nil, status: Int? = nil,
        responseHeaders: [HTTPHeader] = [], responseBody: String? = nil, outcome: Outcome = .ok,
        tool: String? = nil, stage: String? = nil, provenance: Provenance = .observed
    ) {
        self.id = id
        self.startMicros = startMicros
        self.durationMicros = durationMicros
        self.service = service
        self.method = method
        self.url = url
        self.requestHeaders = requestHeaders
        self.requestBody = requestBody
        self.status = status
        self.responseHeaders = responseHeaders
        self.responseBody = responseBody
        self.outcome = outcome
        self.tool = tool
        self.stage = stage
        self.provenance = provenance
    }

    /// The first response header named `name` (case-insensitive).
    public func responseHeader(_ name: String) -> String? {
        let wanted = name.lowercased()
        return responseHeaders.first { $0.name.lowercased() == wanted }?.value
    }

    /// The Retry-After delay in seconds, when the response carries one in the delta-seconds form.
    public var retryAfterSeconds: Double? {
        responseHeader("Retry-After").flatMap(RetryAfter.seconds)
    }

    /// When the exchange ended, in microseconds from the workflow start.
    public var endMicros: Int { startMicros + durationMicros }
}

extension String {
    /// The string without leading and trailing spaces and tabs (no Foundation needed).
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
