import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchRuntime
import Synchronization

/// A scripted upstream for recording test runs: every endpoint answers a valid, mutually
/// consistent body (a recommendation's tracks map through `/v1/track` and have features), after
/// a latency derived from the request, with a few scripted faults.
final class RecordingUpstream: HTTPTransport, Sendable {
    /// Faults to script; each hits only the first attempt of the requests it selects.
    struct Faults: Sendable {
        /// Recommendations whose hash is divisible by this take 45 s (a timeout at 30 s).
        var slowRecommendationEvery: Int? = nil
        /// The first genre track search answers 429 with this Retry-After.
        var genreSearch429RetryAfter: Int? = nil
        /// Audio features of UUIDs whose hash is divisible by this answer 404.
        var missingFeaturesEvery: Int? = 9

        static let none = Faults(missingFeaturesEvery: nil)
        static let standard = Faults()
    }

    let clock: VirtualClock
    let faults: Faults
    private let attempts = Mutex<[String: Int]>([:])
    private let first429 = Mutex(false)

    init(clock: VirtualClock, faults: Faults = .standard) {
        self.clock = clock
        self.faults = faults
    }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> TransportResult {
        let key = request.method + " " + request.pathAndQuery + " " + (request.body ?? "")
        let attempt = attempts.withLock { counts -> Int in
            counts[key, default: 0] += 1
            return counts[key] ?? 1
        }
        let hash = StableHash.fnv1a(key)
        var seconds = latency(request, hash: hash)
        var scripted: HTTPResponse?
        if attempt == 1, request.path == "/v1/track/recommendation", let every = faults.slowRecommendationEvery,
            hash % UInt64(every) == 0
        {
            seconds = 45
        }
        if attempt == 1, let retryAfter = faults.genreSearch429RetryAfter, request.path == "/v1/search",
            request.queryValue("type") == "track", request.queryValue("q")?.hasPrefix("genre:") == true,
            first429.withLock({ taken in defer { taken = true }; return !taken })
        {
            scripted = HTTPResponse(
                status: 429, headers: [HTTPHeader("Retry-After", String(retryAfter))],
                body: #"{"error":{"status":429,"message":"API rate limit exceeded"}}"#)
        }
        let duration = Duration.secondsRounded(seconds)
        if duration > timeout {
            try await clock.sleep(for: timeout)
            return .timeout
        }
        try await clock.sleep(for: duration)
        if let scripted { return .response(scripted) }
        return .response(answer(request))
    }

    private func latency(_ request: HTTPRequest, hash: UInt64) -> Double {
        let jitter = Double(hash % 1000) / 1000
        switch request.service {
        case .llm: return 1.5 + 2.5 * jitter
        case .spotify: return 0.15 + 0.6 * jitter
        case .reccobeats:
            if request.path == "/v1/track" {
                let ids = request.queryValue("ids")?.split(separator: ",").count ?? 1
                return 0.3 + 0.03 * Double(ids) + 0.2 * jitter
            }
            if request.path == "/v1/track/recommendation" { return 0.8 + 2 * jitter }
            return 0.2 + 0.5 * jitter
        case .other: return 0.1
        }
    }

    private func answer(_ request: HTTPRequest) -> HTTPResponse {
        if request.service == .reccobeats, request.path.hasSuffix("/audio-features"),
            let every = faults.missingFeaturesEvery
        {
            let uuid = String(request.path.split(separator: "/")[2])
            if StableHash.fnv1a(uuid) % UInt64(every) == 0 {
                return HTTPResponse(status: 404, body: #"{"error":"Not Found"}"#)
            }
        }
        return HTTPResponse(status: 200, body: UpstreamBodies.body(for: request))
    }
}
