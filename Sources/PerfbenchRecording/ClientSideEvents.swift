/// A client-side wait: the workflow slept because of its own limiter or the server's Retry-After.
public struct Wait: Sendable, Equatable, Hashable, Codable {
    /// Why the client waited.
    public enum Kind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
        /// A per-tool per-minute window limiter was full.
        case window
        /// A per-tool minimum interval between calls had not passed.
        case minInterval = "min_interval"
        /// The server asked for a pause (HTTP 429 with Retry-After).
        case retryAfter = "retry_after"
        /// In line for a permit of a semaphore (the global ReccoBeats one), held by other calls.
        case semaphore
    }

    /// Why the client waited.
    public var kind: Kind
    /// The tool that waited.
    public var tool: String
    /// When the wait started, in microseconds from the workflow start.
    public var startMicros: Int
    /// How long it lasted, in microseconds.
    public var durationMicros: Int
    /// The stage it happened in, when known.
    public var stage: String?
    /// Observed or inferred.
    public var provenance: Provenance

    /// Makes a wait.
    public init(
        kind: Kind, tool: String, startMicros: Int, durationMicros: Int, stage: String? = nil,
        provenance: Provenance = .observed
    ) {
        self.kind = kind
        self.tool = tool
        self.startMicros = startMicros
        self.durationMicros = durationMicros
        self.stage = stage
        self.provenance = provenance
    }

    /// The wait in seconds.
    public var seconds: Double { Double(durationMicros) / 1_000_000 }
}

/// A client-side retry decision: after a failed attempt the tool sleeps, then tries again.
public struct Retry: Sendable, Equatable, Hashable, Codable {
    /// What made the previous attempt fail.
    public enum Reason: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
        /// The attempt timed out.
        case timeout
        /// HTTP 429.
        case rateLimited = "rate_limited"
        /// HTTP 5xx.
        case serverError = "server_error"
        /// The connection failed.
        case connectionError = "connection_error"
    }

    /// The tool that retries.
    public var tool: String
    /// When the retry was decided (the failed attempt's end), in microseconds from the start.
    public var startMicros: Int
    /// The attempt about to start: 2 for the first retry.
    public var attempt: Int
    /// Why the previous attempt failed.
    public var reason: Reason
    /// The sleep before the next attempt, in microseconds.
    public var delayMicros: Int
    /// The id of the failed exchange, when it is in the recording.
    public var exchangeID: String?
    /// The stage it happened in, when known.
    public var stage: String?
    /// Observed or inferred.
    public var provenance: Provenance

    /// Makes a retry.
    public init(
        tool: String, startMicros: Int, attempt: Int, reason: Reason, delayMicros: Int,
        exchangeID: String? = nil, stage: String? = nil, provenance: Provenance = .observed
    ) {
        self.tool = tool
        self.startMicros = startMicros
        self.attempt = attempt
        self.reason = reason
        self.delayMicros = delayMicros
        self.exchangeID = exchangeID
        self.stage = stage
        self.provenance = provenance
    }
}

/// A client-side cache hit: the tool answered from its cache without an upstream call.
public struct CacheEvent: Sendable, Equatable, Hashable, Codable {
    /// The tool whose cache answered.
    public var tool: String
    /// The cache key (never holds a user token).
    public var key: String
    /// When, in microseconds from the workflow start.
    public var startMicros: Int
    /// The stage it happened in, when known.
    public var stage: String?
    /// Observed or inferred.
    public var provenance: Provenance

    /// Makes a cache hit.
    public init(
        tool: String, key: String, startMicros: Int, stage: String? = nil, provenance: Provenance = .observed
    ) {
        self.tool = tool
        self.key = key
        self.startMicros = startMicros
        self.stage = stage
        self.provenance = provenance
    }
}

/// A stage of the workflow as a wall-time span, placed in the stage tree by its path.
public struct StageSpan: Sendable, Equatable, Hashable, Codable {
    /// The top-level stage of time a recorded run spent between its agents that no upstream call
    /// explains (database writes, status updates); a replay spends it again as recorded.
    public static let betweenAgents = "between_agents"

    /// The stage's stable name, e.g. `seed_gathering`.
    public var name: String
    /// Slash-separated names from the top stage down to this one, e.g.
    /// `orchestration/initial_generation/seed_gathering`; its last part is `name`.
    public var path: String
    /// When the stage started, in microseconds from the workflow start.
    public var startMicros: Int
    /// How long it lasted, in microseconds.
    public var durationMicros: Int
    /// Observed or inferred.
    public var provenance: Provenance

    /// Makes a span; `path` defaults to `name` (a top-level stage).
    public init(
        name: String, path: String? = nil, startMicros: Int, durationMicros: Int,
        provenance: Provenance = .observed
    ) {
        self.name = name
        self.path = path ?? name
        self.startMicros = startMicros
        self.durationMicros = durationMicros
        self.provenance = provenance
    }

    /// The parent stage's path, nil for a top-level stage.
    public var parentPath: String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// How many stages up the tree it is (0 for top-level).
    public var depth: Int { path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }
}
