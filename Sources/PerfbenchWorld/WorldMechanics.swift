import PerfbenchRecording

/// How the simulated upstreams behave under load and how the simulated LLM judges: the parts of
/// a world that a replay cannot see in a recording and has to assume.
///
/// The standard mechanics are the ones the replay's models were built alongside (a rolling
/// window, unlimited server capacity, latency independent of load, an LLM that scores a playlist
/// by its mean match). The alternatives exist to measure the replay where its assumptions do not
/// hold (issue 14 §5): a world recorded under one set of mechanics, replayed under a preset and
/// compared with the same world running that preset. Every alternative is deterministic: it
/// depends only on arrival order and the world seed.
public struct WorldMechanics: Sendable, Hashable {
    /// Spotify's limiter.
    public enum Limiter: Sendable, Hashable {
        /// A rolling window of ``SpotifyRateLimit/budget`` requests (the standard).
        case rollingWindow
        /// A token bucket of `capacity` tokens refilled at `refillPerSecond`: bursts pass until the
        /// bucket is empty, then each call waits for a token. Calls made while refused lengthen
        /// the block by ``SpotifyRateLimit/penaltyGrowth``, as the rolling window's do.
        case tokenBucket(capacity: Int, refillPerSecond: Double)
    }

    /// How the LLM scores a playlist in quality and final evaluations.
    public enum Judge: String, Sendable, Hashable {
        /// By the tracks' mean match with the mood (the standard).
        case meanMatch = "mean-match"
        /// By the share of tracks that clearly fit the mood: a few poor tracks cost much more.
        case shareInMood = "share-in-mood"
    }

    /// The mechanics' name (`standard`, `token-bucket`, …).
    public var name: String
    /// Spotify's limiter.
    public var spotifyLimiter: Limiter
    /// Requests a service works on at once; more wait in a first-in, first-out queue (a service
    /// not listed has unlimited capacity).
    public var workers: [Service: Int]
    /// Each request already in flight at the same service when one arrives stretches its latency
    /// by this share (0: latency does not depend on load).
    public var stallPerInFlight: Double
    /// How the LLM judges playlists.
    public var judge: Judge
    /// Prefill seconds per prompt token of the LLM (nil: the profile's own, small, figure): a
    /// slow-prefill model takes much longer on large requests, whatever it answers.
    public var llmSecondsPerPromptToken: Double?

    /// Mechanics from their parts; every part defaults to the standard one.
    public init(
        name: String, spotifyLimiter: Limiter = .rollingWindow, workers: [Service: Int] = [:],
        stallPerInFlight: Double = 0, judge: Judge = .meanMatch, llmSecondsPerPromptToken: Double? = nil
    ) {
        self.name = name
        self.spotifyLimiter = spotifyLimiter
        self.workers = workers
        self.stallPerInFlight = stallPerInFlight
        self.judge = judge
        self.llmSecondsPerPromptToken = llmSecondsPerPromptToken
    }

    /// The mechanics the replay's models assume.
    public static let standard = WorldMechanics(name: "standard")

    /// The names ``named(_:)`` knows, in display order.
    public static let names = ["standard", "token-bucket", "workers", "stalls", "slow-prefill", "strict-judge", "unfamiliar"]

    /// The mechanics called `name`, or nil.
    public static func named(_ name: String) -> WorldMechanics? {
        switch name {
        case "standard": return .standard
        case "token-bucket":
            // 20 calls in a burst, then one every 0.4 s: artists one at a time stay under it,
            // several at once do not.
            return WorldMechanics(name: name, spotifyLimiter: .tokenBucket(capacity: 20, refillPerSecond: 2.5))
        case "workers":
            // Two ReccoBeats workers and three Spotify ones: concurrent calls queue server-side.
            return WorldMechanics(name: name, workers: [.reccobeats: 2, .spotify: 3])
        case "stalls":
            return WorldMechanics(name: name, stallPerInFlight: 0.25)
        case "slow-prefill":
            return WorldMechanics(name: name, llmSecondsPerPromptToken: 0.004)
        case "strict-judge":
            return WorldMechanics(name: name, judge: .shareInMood)
        case "unfamiliar":
            return WorldMechanics(
                name: name, spotifyLimiter: .tokenBucket(capacity: 20, refillPerSecond: 2.5),
                workers: [.reccobeats: 2, .spotify: 3], stallPerInFlight: 0.25, judge: .shareInMood,
                llmSecondsPerPromptToken: 0.004)
        default: return nil
        }
    }

    /// One line on what the mechanics change.
    public var summary: String {
        var parts: [String] = []
        if case .tokenBucket(let capacity, let rate) = spotifyLimiter {
            parts.append("Spotify token bucket (\(capacity) tokens, \(JSONOutput.format(rate, decimals: 2))/s, growing block)")
        }
        for service in Service.allCases { if let count = workers[service] { parts.append("\(count) \(service.rawValue) workers") } }
        if stallPerInFlight > 0 { parts.append("+\(JSONOutput.format(stallPerInFlight * 100, decimals: 0)) % latency per call in flight") }
        if judge != .meanMatch { parts.append("LLM judges by \(judge.rawValue)") }
        if let prefill = llmSecondsPerPromptToken { parts.append("LLM prefill \(JSONOutput.format(prefill * 1000, decimals: 1)) ms/token") }
        return parts.isEmpty ? "the replay's own assumptions" : parts.joined(separator: ", ")
    }
}
