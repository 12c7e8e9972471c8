/// Toggles no seed section proposes: changes only the backend shipped, and the guide's
/// long-term items.
extension Phase {
    static let shippedCatalogue: [Phase] = [
        Phase(
            .reccobeatsSemaphore, section: "shipped only",
            summary: "Permits of the global ReccoBeats semaphore (taken before the cache lookup).",
            codec: .integer(1...64), property: \.reccobeatsSemaphore,
            doc: nil, shipped: 15, shippedNote: "15"),
        Phase(
            .audioFeatureBatching, section: "shipped only",
            summary: "Audio features: tracks per batch / concurrent inside a batch / sleep between batches.",
            codec: AudioFeatureBatching.codec, property: \.audioFeatureBatching,
            doc: nil, shipped: AudioFeatureBatching(batchSize: 20, concurrency: 3, pause: .milliseconds(1500)),
            shippedNote: "20 / 10 / 0.5 s, later 20 / 3 / 1.5 s"),
        Phase(
            .retryAfterCap, section: "shipped only",
            summary: "Fail fast instead of waiting when Retry-After exceeds the cap (off: wait any amount).",
            codec: PhaseCodec<Duration>.duration(.seconds(1)...Duration.seconds(3600), style: .seconds).orOff,
            property: \.retryAfterCap,
            doc: nil, shipped: .seconds(300), shippedNote: "fail fast above 300 s"),
        Phase(
            .anchorSources, section: "shipped only",
            summary: "Anchor candidates: artists then genres in turn, or every search at once and one feature batch.",
            codec: .choice(), property: \.anchorSources,
            doc: nil, shipped: .together, shippedNote: "all at once, one batch of 100 (2025-11-11)"),
        Phase(
            .albumSampling, section: "shipped only",
            summary: "Album track the hybrid fetch samples: the same in every generator run, or another per run.",
            codec: .choice(), property: \.albumSampling,
            doc: nil, shipped: .perRun, shippedNote: "random per run (2025-11-07: sampling tracks for diversity)"),
        Phase(
            .requestDedup, section: "guide, long term",
            summary: "Share one call among identical in-flight requests: cached ones only, or every ReccoBeats one.",
            codec: .choice(), property: \.requestDedup,
            doc: .inFlight, shipped: nil, shippedNote: "not shipped"),
        Phase(
            .cacheTier, section: "guide, long term",
            summary: "Where caches live; each remote get/set costs a network round trip (RTT).",
            codec: CacheTier.codec, property: \.cacheTier,
            doc: .tiered(roundTrip: CacheTier.defaultRoundTrip),
            shipped: .remote(roundTrip: CacheTier.defaultRoundTrip),
            shippedNote: "Redis/Valkey for everything (2025-11-10)"),
        Phase(
            .warmCache, section: "run state",
            summary: "Shares of ReccoBeats ids / audio features a persistent cache holds: seed gathering[, generation].",
            codec: WarmCache.codec.orOff, property: \.warmCache,
            doc: WarmCache(ids: 1, features: 1), shipped: nil,
            shippedNote: "not shipped"),
        Phase(
            .partialStreaming, section: "guide, long term",
            summary: "Stream tracks as they become final (report the time to the first 5 tracks).",
            codec: .onOff, property: \.partialStreaming,
            doc: true, shipped: nil, shippedNote: "not shipped"),
    ]
}
