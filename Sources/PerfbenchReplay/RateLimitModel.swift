import PerfbenchRecording

/// The server-side rate limit of each host, inferred from the recording.
///
/// The model is a rolling window per host (Spotify documents a rolling 30 s window per app;
/// ReccoBeats' limits are unpublished and the backend saw 429s per minute, so 60 s), whose
/// capacity is the **most requests the recording ever sent to that host inside one window**
/// (every send counts: successes, errors, recorded 429s and timeouts). Replayed sends that the
/// model admits enter the window; a send that would exceed the capacity is answered 429 with a
/// `Retry-After` of the whole seconds until the oldest admitted send leaves the window (at
/// least 1 s), and does not enter the window itself.
///
/// Why this is conservative: replaying at the recorded configuration repeats the recorded send
/// times, so every window holds at most what the recording's busiest window held and the model
/// never answers a 429 that was not recorded. Only a configuration that sends faster than the
/// recording ever did meets it. Ties are counted generously (all sends at the same instant are
/// in each other's window) so that equal-time orderings cannot tip a replay over the capacity.
/// The LLM and unknown hosts have no model: their limits are in tokens, which a recording
/// does not show.
struct RateLimitModel: Sendable {
    /// One host's inferred limit.
    struct HostLimit: Sendable, Equatable {
        /// The rolling window.
        let window: Duration
        /// The most sends the recording had inside one window.
        let capacity: Int
        /// How long a modelled 429 takes: the median recorded 429 of the host, else its fastest
        /// recorded answer, else 50 ms.
        let rejectionLatency: Duration
        /// Recorded 429s of the host (evidence that the capacity is near the real limit).
        let recorded429s: Int
    }

    /// Spotify's documented rolling window.
    static let spotifyWindow: Duration = .seconds(30)
    /// ReccoBeats: per-minute limits observed by the backend.
    static let reccobeatsWindow: Duration = .seconds(60)

    let spotify: HostLimit?
    let reccobeats: HostLimit?

    init(answers: [RecordedAnswer], keys: [RequestKey]) {
        spotify = Self.infer(.spotify, window: Self.spotifyWindow, answers: answers, keys: keys)
        reccobeats = Self.infer(.reccobeats, window: Self.reccobeatsWindow, answers: answers, keys: keys)
    }

    /// The limit of `service`'s host, nil when the model does not cover it.
    func limit(for service: Service) -> HostLimit? {
        switch service {
        case .spotify: return spotify
        case .reccobeats: return reccobeats
        case .llm, .other: return nil
        }
    }

    private static func infer(
        _ service: Service, window: Duration, answers: [RecordedAnswer], keys: [RequestKey]
    ) -> HostLimit? {
        let mine = answers.indices.filter { keys[$0].service == service }
        guard !mine.isEmpty else { return nil }
        let starts = mine.map { answers[$0].startMicros }.sorted()
        let windowMicros = Int(window.microseconds)
        var capacity = 0
        var low = 0
        var index = 0
        while index < starts.count {
            // All sends at this instant, and every send in the window that ends here.
            var high = index
            while high + 1 < starts.count, starts[high + 1] == starts[index] { high += 1 }
            while starts[low] <= starts[index] - windowMicros { low += 1 }
            capacity = max(capacity, high - low + 1)
            index = high + 1
        }
        let rejected = mine.filter { answers[$0].status == 429 }.map { answers[$0].latency }.sorted()
        let rejection: Duration
        if !rejected.isEmpty {
            rejection = rejected[rejected.count / 2]
        } else if let fastest = mine.filter({ answers[$0].isDefinitive }).map({ answers[$0].latency }).min() {
            rejection = fastest
        } else {
            rejection = .milliseconds(50)
        }
        return HostLimit(window: window, capacity: capacity, rejectionLatency: rejection, recorded429s: rejected.count)
    }
}

/// The sends a host admitted within its rolling window, during one replay.
struct RateLimitWindow: Sendable {
    private var times: [Duration] = []
    private var head = 0
    /// The most sends inside one window so far, this one included (admitted or refused): how
    /// fast the replayed configuration asked, to compare with the recording's busiest window.
    private(set) var peak = 0

    /// Admits a send at `now` (returns nil and records it) or refuses it, returning the
    /// Retry-After in whole seconds.
    mutating func admit(at now: Duration, window: Duration, capacity: Int) -> Int? {
        while head < times.count, times[head] <= now - window { head += 1 }
        peak = max(peak, times.count - head + 1)
        if head > 256, head * 2 > times.count {
            times.removeFirst(head)
            head = 0
        }
        guard times.count - head >= capacity, capacity > 0 else {
            times.append(now)
            return nil
        }
        let free = times[head] + window - now
        let micros = max(free.microseconds, 1)
        return max(1, Int((micros + 999_999) / 1_000_000))
    }
}
