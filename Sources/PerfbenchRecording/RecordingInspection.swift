/// What a recording holds, as `perfbench inspect` reports it: per-endpoint latency and status,
/// rate limiting, waits, stages and the time span. A plain value; `renderText()` and
/// `renderJSON()` print it.
public struct RecordingInspection: Sendable, Equatable {
    /// Counts and latency of one endpoint (service, method and path template).
    public struct Endpoint: Sendable, Equatable {
        /// The upstream service.
        public var service: Service
        /// The HTTP method.
        public var method: String
        /// The path template, e.g. `/v1/artists/{id}/top-tracks`.
        public var template: String
        /// Exchanges.
        public var count = 0
        /// Median latency in microseconds (HdrHistogram, 3 significant digits).
        public var p50Micros = 0
        /// 95th-percentile latency in microseconds.
        public var p95Micros = 0
        /// Exact maximum latency in microseconds.
        public var maxMicros = 0
        /// Exchanges by HTTP status (`"200"`, `"429"`) or failed outcome (`"timeout"`,
        /// `"connection_error"`).
        public var statusCounts: [String: Int] = [:]
        /// HTTP 429 responses.
        public var rateLimited = 0
        /// The sum of their Retry-After values, in seconds.
        public var retryAfterSeconds = 0.0
        /// Exchanges that timed out.
        public var timeouts = 0
        /// Exchanges whose connection failed.
        public var connectionErrors = 0
        /// UTF-8 bytes of request bodies.
        public var requestBodyBytes = 0
        /// UTF-8 bytes of response bodies.
        public var responseBodyBytes = 0
    }

    /// The time taken by one stage path, summed over its spans.
    public struct Stage: Sendable, Equatable {
        /// The stage name.
        public var name: String
        /// The full path (`orchestration/initial_generation`).
        public var path: String
        /// How many spans the path has (a stage may run more than once).
        public var count: Int
        /// The earliest start, in microseconds.
        public var startMicros: Int
        /// The sum of the spans' durations, in microseconds.
        public var totalMicros: Int
    }

    /// Counts of client-side waits by kind.
    public struct Waits: Sendable, Equatable {
        /// Window-limiter waits.
        public var windowCount = 0
        /// Their total, in microseconds.
        public var windowMicros = 0
        /// Minimum-interval waits.
        public var minIntervalCount = 0
        /// Their total, in microseconds.
        public var minIntervalMicros = 0
        /// Retry-After waits.
        public var retryAfterCount = 0
        /// Their total, in microseconds.
        public var retryAfterMicros = 0
        /// Waits in line for a semaphore permit.
        public var semaphoreCount = 0
        /// Their total, in microseconds.
        public var semaphoreMicros = 0
    }

    /// The file inspected.
    public var path: String
    /// What the file was (native recording or HAR).
    public var format: RecordingFileFormat
    /// The recording's header (for a HAR, the one an import would write).
    public var header: RecordingHeader
    /// From 0 to the end of the last event, in microseconds.
    public var spanMicros = 0
    /// Events of every kind.
    public var eventCount = 0
    /// Exchanges by service.
    public var exchangesByService: [Service: Int] = [:]
    /// Endpoints sorted by service, template, then method.
    public var endpoints: [Endpoint] = []
    /// Stage paths in order of first start.
    public var stages: [Stage] = []
    /// Client-side waits.
    public var waits = Waits()
    /// Retry events.
    public var retries = 0
    /// Cache-hit events.
    public var cacheHits = 0
    /// Events seen directly.
    public var observedEvents = 0
    /// Events deduced (log imports).
    public var inferredEvents = 0
    /// Secrets the scanner found in the file (0 when not scanned).
    public var secretsFound = 0

    /// Makes an empty inspection of `path`.
    public init(path: String, format: RecordingFileFormat, header: RecordingHeader) {
        self.path = path
        self.format = format
        self.header = header
    }

    /// All exchanges.
    public var exchangeCount: Int { exchangesByService.values.reduce(0, +) }
    /// Exchanges that timed out.
    public var timeouts: Int { endpoints.reduce(0) { $0 + $1.timeouts } }
    /// Exchanges whose connection failed.
    public var connectionErrors: Int { endpoints.reduce(0) { $0 + $1.connectionErrors } }
    /// HTTP 429 responses.
    public var rateLimited: Int { endpoints.reduce(0) { $0 + $1.rateLimited } }
    /// Total Retry-After seconds asked for by 429 responses.
    public var retryAfterSeconds: Double { endpoints.reduce(0) { $0 + $1.retryAfterSeconds } }
    /// UTF-8 bytes of all request bodies.
    public var requestBodyBytes: Int { endpoints.reduce(0) { $0 + $1.requestBodyBytes } }
    /// UTF-8 bytes of all response bodies.
    public var responseBodyBytes: Int { endpoints.reduce(0) { $0 + $1.responseBodyBytes } }

    /// Seconds by stage name (a name under several paths is summed), for the JSON `stages` map.
    public var secondsByStageName: [String: Double] {
        var result: [String: Double] = [:]
        for stage in stages { result[stage.name, default: 0] += Double(stage.totalMicros) / 1_000_000 }
        return result
    }
}
