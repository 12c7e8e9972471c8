import PerfbenchRecording

/// The server-side rate limit of each host, inferred from the recording.
///
/// The model is a rolling window per host (Spotify documents a rolling 30 s window per app;
/// ReccoBeats' limits are unpublished and the backend saw 429s per minute, so 60 s), whose
/// capacity is the **most requests the recording ever sent to that host inside one window**
/// (every send counts: successes, errors, recorded 429s and timeouts). The most inside 1 s and
/// 5 s are kept too: a configuration that bursts beyond them is an extrapolation even when its
/// windows are no fuller, since a limiter that refuses bursts would refuse it. Replayed sends that the
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
    /// The most sends the recording had inside one span of time.
    struct Scale: Sendable, Equatable {
        let span: Duration
        let capacity: Int
        /// A span shorter than the host's window: a limiter that refuses bursts (a token bucket)
        /// can pass the busiest window and still refuse a burst the recording never made.
        let isBurst: Bool
    }

    /// One host's inferred limit.
    struct HostLimit: Sendable, Equatable {
        /// The rolling window and then the burst spans (``burstSpans``), with the recording's most
        /// sends in each.
        let scales: [Scale]
        /// How long a modelled 429 takes: the median recorded 429 of the host, else its fastest
        /// recorded answer, else 50 ms.
        let rejectionLatency: Duration
        /// Recorded 429s of the host (evidence that the capacity is near the real limit).
        let recorded429s: Int
        /// Per tool (the backend function that called the endpoint), the most of its sends the
        /// recording had inside one window: which endpoints a faster configuration pushes past
        /// what was seen.
        var toolCapacities: [String: Int] = [:]

        /// The rolling window.
        var window: Duration { scales[0].span }
        /// The most sends the recording had inside one window.
        var capacity: Int { scales[0].capacity }
    }

    /// Spotify's documented rolling window.
    static let spotifyWindow: Duration = .seconds(30)
    /// ReccoBeats: per-minute limits observed by the backend.
    static let reccobeatsWindow: Duration = .seconds(60)
    /// The shorter spans whose bursts are compared with the recording's.
    static let burstSpans: [Duration] = [.seconds(1), .seconds(5)]

    let spotify: HostLimit?
    let reccobeats: HostLimit?

    init(answers: [RecordedAnswer], keys: [RequestKey], tools: [String?] = []) {
        spotify = Self.infer(.spotify, window: Self.spotifyWindow, answers: answers, keys: keys, tools: tools)
        reccobeats = Self.infer(.reccobeats, window: Self.reccobeatsWindow, answers: answers, keys: keys, tools: tools)
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
        _ service: Service, window: Duration, answers: [RecordedAnswer], keys: [RequestKey], tools: [String?]
    ) -> HostLimit? {
        let mine = answers.indices.filter { keys[$0].service == service }
        guard !mine.isEmpty else { return nil }
        let starts = mine.map { answers[$0].startMicros }.sorted()
        let rejected = mine.filter { answers[$0].status == 429 }.map { answers[$0].latency }.sorted()
        let rejection: Duration
        if !rejected.isEmpty {
            rejection = rejected[rejected.count / 2]
        } else if let fastest = mine.filter({ answers[$0].isDefinitive }).map({ answers[$0].latency }).min() {
            rejection = fastest
        } else {
            rejection = .milliseconds(50)
        }
        let scales = [Scale(span: window, capacity: busiest(starts, span: window), isBurst: false)]
            + burstSpans.map { Scale(span: $0, capacity: busiest(starts, span: $0), isBurst: true) }
        var limit = HostLimit(scales: scales, rejectionLatency: rejection, recorded429s: rejected.count)
        var toolStarts: [String: [Int]] = [:]
        for position in mine where position < tools.count {
            if let tool = tools[position] { toolStarts[tool, default: []].append(answers[position].startMicros) }
        }
        limit.toolCapacities = toolStarts.mapValues { busiest($0.sorted(), span: window) }
        return limit
    }

    /// Per tool, the most of `sends` (tool, time; in time order) inside one `span`.
    static func busiestByTool(_ sends: [(tool: String, at: Duration)], span: Duration) -> [String: Int] {
        var starts: [String: [Int]] = [:]
        for send in sends { starts[send.tool, default: []].append(Int(send.at.microseconds)) }
        return starts.mapValues { busiest($0, span: span) }
    }

    /// The most of the sorted `starts` inside one `span`; all sends at one instant count as
    /// inside each other's span.
    private static func busiest(_ starts: [Int], span: Duration) -> Int {
        let spanMicros = Int(span.microseconds)
        var capacity = 0
        var low = 0
        var index = 0
        while index < starts.count {
            // All sends at this instant, and every send in the span that ends here.
            var high = index
            while high + 1 < starts.count, starts[high + 1] == starts[index] { high += 1 }
            while starts[low] <= starts[index] - spanMicros { low += 1 }
            capacity = max(capacity, high - low + 1)
            index = high + 1
        }
        return capacity
    }
}

/// The sends a host admitted, during one replay, seen over its window and burst spans.
struct RateLimitWindow: Sendable {
    private var times: [Duration] = []
    /// Per scale (the window first, then the burst spans): the first send still inside it.
    private var heads: [Int] = []
    /// Per scale: the most sends inside one span so far, this one included (admitted or
    /// refused): how fast the replayed configuration asked, to compare with the recording.
    private(set) var peaks: [Int] = []
    /// Until when a growing block refuses every send (``LimiterAlternative/growingBlock``).
    private var blockedUntil: Duration = .zero

    /// The longest refusal a growing block reaches (Spotify's logs: 86,400 s).
    static let longestBlock: Duration = .seconds(86_400)

    /// The most sends inside one window so far.
    var peak: Int { peaks.first ?? 0 }

    /// Admits a send at `now` (returns nil and records it) or refuses it, returning the
    /// Retry-After in whole seconds. The window's capacity is `windowCapacity`; the burst spans
    /// are enforced at the recording's own capacities only with `enforceBursts` (else only
    /// watched, for ``peaks``). With `growing`, a send during a refusal is refused and doubles
    /// what is left of it. Allocates nothing after the first call: it runs for every request.
    mutating func admit(
        at now: Duration, scales: [RateLimitModel.Scale], windowCapacity: Int, enforceBursts: Bool, growing: Bool = false
    ) -> Int? {
        if heads.count != scales.count {
            heads = Array(repeating: 0, count: scales.count)
            peaks = Array(repeating: 0, count: scales.count)
        }
        if growing, now < blockedUntil {
            let grown = min((blockedUntil - now) * 2, Self.longestBlock)
            blockedUntil = max(blockedUntil, now + grown)
            return Self.wholeSeconds(grown)
        }
        var free: Duration?
        var oldest = Int.max
        for scale in scales.indices {
            let span = scales[scale].span
            // Worked out once, not per step: `Duration` arithmetic is a call into the runtime.
            let windowStart = now - span
            while heads[scale] < times.count, times[heads[scale]] <= windowStart { heads[scale] += 1 }
            oldest = min(oldest, heads[scale])
            let inside = times.count - heads[scale]
            peaks[scale] = max(peaks[scale], inside + 1)
            let limit = scales[scale].isBurst ? (enforceBursts ? scales[scale].capacity : 0) : windowCapacity
            if limit > 0, inside >= limit {
                let until = times[heads[scale]] + span - now
                free = max(free ?? until, until)
            }
        }
        if oldest > 256, oldest * 2 > times.count {
            times.removeFirst(oldest)
            for scale in heads.indices { heads[scale] -= oldest }
        }
        guard let free else {
            times.append(now)
            return nil
        }
        let seconds = Self.wholeSeconds(free)
        if growing { blockedUntil = now + .seconds(seconds) }
        return seconds
    }

    /// `duration` rounded up to whole seconds, at least 1.
    private static func wholeSeconds(_ duration: Duration) -> Int {
        let micros = max(duration.microseconds, 1)
        return max(1, Int((micros + 999_999) / 1_000_000))
    }
}
