import PerfbenchRecording

/// Arrival times of the requests a rolling window counts, oldest first (microseconds).
struct RollingWindow {
    private var arrivals: [Int64] = []
    private var head = 0

    var count: Int { arrivals.count - head }

    /// The oldest arrival still inside the window, after `prune`.
    var oldest: Int64? { head < arrivals.count ? arrivals[head] : nil }

    /// Forgets arrivals at or before `cutoff`.
    mutating func prune(olderThan cutoff: Int64) {
        while head < arrivals.count, arrivals[head] <= cutoff { head += 1 }
        // Compact now and then so memory stays proportional to the window, not the run.
        if head > 1024, head * 2 > arrivals.count {
            arrivals.removeFirst(head)
            head = 0
        }
    }

    mutating func record(_ time: Int64) {
        arrivals.append(time)
    }
}

/// What a server-side limiter decided for one request.
enum LimitDecision: Equatable {
    case allowed
    /// Refused with this `Retry-After` (whole seconds); `quota` selects the quota-style body.
    case refused(retryAfter: Int, quota: Bool)
}

/// The world's mutable server-side state. It changes only when a request arrives, so under the
/// virtual executor (arrivals in a fixed order) every run sees the same decisions.
struct ServerState {
    /// Requests seen per request key: the per-key counter that seeds each request's draws.
    private var counters: [UInt64: UInt32] = [:]
    private var spotifyWindow = RollingWindow()
    private var spotifyPenaltyUntil: Int64 = 0
    private var reccoBeatsWindows = [RollingWindow](repeating: RollingWindow(), count: ReccoBeatsFamily.allCases.count)
    /// Tokens left in Spotify's bucket (``WorldMechanics/Limiter/tokenBucket``) and when it was
    /// last refilled; nil until the first call (a full bucket).
    private var spotifyBucket: (tokens: Double, at: Int64)?
    /// Per service: when each worker is free again (``WorldMechanics/workers``).
    private var workersFreeAt: [Service: [Int64]] = [:]
    /// Per service: when each request in flight ends (``WorldMechanics/stallPerInFlight``).
    private var inFlightUntil: [Service: [Int64]] = [:]

    /// Returns how many times `key` was seen before, and counts this time.
    mutating func nextOccurrence(of key: UInt64) -> UInt32 {
        let seen = counters[key, default: 0]
        counters[key] = seen &+ 1
        return seen
    }

    /// Spotify's rolling window with escalating penalties (``SpotifyRateLimit``).
    mutating func admitSpotify(at time: Int64, limit: SpotifyRateLimit) -> LimitDecision {
        if let growing = growSpotifyPenalty(at: time, limit: limit) { return growing }
        let window = Int64(limit.windowSeconds * 1_000_000)
        spotifyWindow.prune(olderThan: time - window)
        guard spotifyWindow.count >= limit.budget, let oldest = spotifyWindow.oldest else {
            spotifyWindow.record(time)
            return .allowed
        }
        let wait = Double(oldest + window - time) / 1_000_000
        let seconds = min(max(limit.minimumRetryAfter, Int(wait.rounded(.up))), limit.maximumRetryAfter)
        spotifyPenaltyUntil = time + Int64(seconds) * 1_000_000
        return .refused(retryAfter: seconds, quota: seconds >= limit.quotaThreshold)
    }

    /// A call during a Spotify penalty is refused and makes the penalty longer, as Spotify's
    /// Retry-After grows to hours; nil outside a penalty.
    private mutating func growSpotifyPenalty(at time: Int64, limit: SpotifyRateLimit) -> LimitDecision? {
        guard time < spotifyPenaltyUntil else { return nil }
        let remaining = Double(spotifyPenaltyUntil - time) / 1_000_000
        let grown = min(remaining * limit.penaltyGrowth, Double(limit.maximumRetryAfter))
        let seconds = max(limit.minimumRetryAfter, Int(grown.rounded(.up)))
        spotifyPenaltyUntil = max(spotifyPenaltyUntil, time + Int64(seconds) * 1_000_000)
        return .refused(retryAfter: seconds, quota: seconds >= limit.quotaThreshold)
    }

    /// Spotify's token bucket: a call takes a token; with none left it is refused until one has
    /// refilled, and calls during that block lengthen it (``growSpotifyPenalty(at:limit:)``).
    mutating func admitSpotifyBucket(
        at time: Int64, capacity: Int, refillPerSecond: Double, limit: SpotifyRateLimit
    ) -> LimitDecision {
        if let growing = growSpotifyPenalty(at: time, limit: limit) { return growing }
        let last = spotifyBucket ?? (Double(capacity), time)
        let refilled = Double(max(0, time - last.at)) / 1_000_000 * refillPerSecond
        let tokens = min(Double(capacity), last.tokens + refilled)
        guard tokens < 1 else {
            spotifyBucket = (tokens - 1, time)
            return .allowed
        }
        spotifyBucket = (tokens, time)
        let wait = (1 - tokens) / max(refillPerSecond, 1e-6)
        let seconds = min(max(limit.minimumRetryAfter, Int(wait.rounded(.up))), limit.maximumRetryAfter)
        spotifyPenaltyUntil = time + Int64(seconds) * 1_000_000
        return .refused(retryAfter: seconds, quota: seconds >= limit.quotaThreshold)
    }

    /// When a request of `service` arriving at `time` that needs `work` microseconds of service
    /// ends, counted from its arrival: stretched by the requests in flight (`stall` per request),
    /// then queued for the first free of `workers` (nil: no queue).
    mutating func serve(_ service: Service, at time: Int64, work: Int64, workers: Int?, stall: Double) -> Int64 {
        var ends = inFlightUntil[service, default: []]
        ends.removeAll { $0 <= time }
        let stretched = stall > 0 ? Int64((Double(work) * (1 + stall * Double(ends.count))).rounded()) : work
        var start = time
        if let workers, workers > 0 {
            var free = workersFreeAt[service] ?? Array(repeating: 0, count: workers)
            // The worker free soonest (the lowest index among equals, so the choice is stable).
            var chosen = 0
            for index in free.indices where free[index] < free[chosen] { chosen = index }
            start = max(time, free[chosen])
            free[chosen] = start + stretched
            workersFreeAt[service] = free
        }
        ends.append(start + stretched)
        inFlightUntil[service] = ends
        return start + stretched - time
    }

    /// ReccoBeats' per-family rolling minute (``ReccoBeatsRateLimit``).
    mutating func admitReccoBeats(
        _ family: ReccoBeatsFamily, at time: Int64, limit: ReccoBeatsRateLimit
    ) -> LimitDecision {
        guard let slot = ReccoBeatsFamily.allCases.firstIndex(of: family) else { return .allowed }
        let window = Int64(limit.windowSeconds * 1_000_000)
        reccoBeatsWindows[slot].prune(olderThan: time - window)
        guard reccoBeatsWindows[slot].count >= limit.budget(family), let oldest = reccoBeatsWindows[slot].oldest else {
            reccoBeatsWindows[slot].record(time)
            return .allowed
        }
        let wait = Double(oldest + window - time) / 1_000_000
        return .refused(retryAfter: max(limit.minimumRetryAfter, Int(wait.rounded(.up))), quota: false)
    }
}
