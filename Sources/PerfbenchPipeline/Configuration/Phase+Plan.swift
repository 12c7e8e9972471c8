/// The plan's toggles (seed 001, "Recommendation Workflow Speed Optimization Plan"), 0.1–6.2.
extension Phase {
    /// Cache TTLs: 0 s to 90 days, written in their largest exact unit.
    private static let ttl = PhaseCodec<Duration>.duration(.zero...Duration.seconds(90 * 86_400), style: .largestUnit)

    static let planCatalogue: [Phase] = [
        Phase(
            .topTracksCacheTTL, section: "plan 0.1",
            summary: "TTL of the artist top-tracks cache.",
            codec: ttl, property: \.topTracksCacheTTL,
            doc: .seconds(2 * 3600), shipped: .seconds(2 * 3600), shippedNote: "2 h (2025-11-10)"),
        Phase(
            .prefetchArtistData, section: "plan 0.1",
            summary: "Prefetch artist data during seed gathering (batched top tracks).",
            codec: .onOff, property: \.prefetchArtistData,
            doc: true, shipped: true, shippedNote: "in the artist pipeline"),
        Phase(
            .parallelArtists, section: "plan 0.2",
            summary: "Artists processed at once by the artist-based generator (off: sequential + 0.1 s sleep).",
            codec: PhaseCodec<Int>.integer(1...64).orOff, property: \.parallelArtists,
            doc: 12, shipped: 8, shippedNote: "semaphore 5, then 2, then 8"),
        Phase(
            .reccobeatsTimeout, section: "plan 1.1",
            summary: "Read timeout of the ReccoBeats recommendation, multiple-tracks and audio-features tools.",
            codec: .duration(.seconds(1)...Duration.seconds(600), style: .seconds), property: \.reccobeatsTimeout,
            doc: .seconds(60), shipped: .seconds(180), shippedNote: "60 s, later 180 s"),
        Phase(
            .slowRequestLog, section: "plan 1.2",
            summary: "Log requests slower than the threshold (endpoint, params, duration).",
            codec: PhaseCodec<Duration>.duration(.seconds(1)...Duration.seconds(600), style: .seconds).orOff,
            property: \.slowRequestLogThreshold,
            doc: .seconds(20), shipped: .seconds(20), shippedNote: "yes (> 20 s)"),
        Phase(
            .seedStagger, section: "plan 2.1",
            summary: "Sleep per chunk index before each seed chunk, holding its semaphore slot.",
            codec: .duration(.zero...Duration.seconds(5), style: .seconds), property: \.seedStagger,
            doc: .zero, shipped: .zero, shippedNote: "removed"),
        Phase(
            .seedChunkConcurrency, section: "plan 2.2",
            summary: "Seed chunks in flight at once (the plan says 5-6).",
            codec: .integer(1...32), property: \.seedChunkConcurrency,
            doc: 6, shipped: 6, shippedNote: "6"),
        Phase(
            .batchTrackDetails, section: "plan 2.3",
            summary: "Track details fetched in chunks of SIZE, CONCURRENCY at once (off: one call).",
            codec: TrackDetailsBatching.codec.orOff, property: \.trackDetailsBatching,
            doc: TrackDetailsBatching(chunkSize: 50), shipped: TrackDetailsBatching(chunkSize: 50, concurrency: 3),
            shippedNote: "chunks of 50, semaphore 3"),
        Phase(
            .skipRedundantDetails, section: "plan 2.4",
            summary: "Fetch track details only for ids missing durationMs.",
            codec: .onOff, property: \.skipRedundantDetails,
            doc: true, shipped: true, shippedNote: "yes"),
        Phase(
            .parallelDetailsFeatures, section: "plan 3.1",
            summary: "Fetch track details and audio features concurrently.",
            codec: .onOff, property: \.parallelDetailsAndFeatures,
            doc: true, shipped: true, shippedNote: "yes"),
        Phase(
            .prefetchDetails, section: "plan 3.2",
            summary: "Fetch seed track details while recommendations are pending.",
            codec: .onOff, property: \.prefetchDetails,
            doc: true, shipped: true, shippedNote: "yes"),
        Phase(
            .overlapDiscovery, section: "plan 3.3",
            summary: "Overlap artist discovery with seed gathering (partial: anchor + discovery searches).",
            codec: .choice(), property: \.discoveryOverlap,
            doc: .full, shipped: .partial, shippedNote: "partly (anchor + discovery searches parallel)"),
        Phase(
            .trackDetailsTTL, section: "plan 4.1",
            summary: "TTL of the ReccoBeats track-details cache.",
            codec: ttl, property: \.trackDetailsTTL,
            doc: .seconds(2 * 3600), shipped: .seconds(30 * 86_400), shippedNote: "30 days"),
        Phase(
            .seedChunkCache, section: "plan 4.2",
            summary: "Cache whole seed-chunk results for this TTL (off: only individual responses, 30 min).",
            codec: ttl.orOff, property: \.seedChunkCacheTTL,
            doc: .seconds(15 * 60), shipped: .seconds(7 * 86_400), shippedNote: "7 days"),
        Phase(
            .cachePrewarm, section: "plan 4.3",
            summary: "Prewarm the caches for common seed combinations before the workflow.",
            codec: .onOff, property: \.cachePrewarm,
            doc: true, shipped: nil, shippedNote: "not shipped"),
        Phase(
            .chunkSize, section: "plan 5.1",
            summary: "Recommendations per seed chunk MIN-MAX, and the chunk-count multiplier.",
            codec: ChunkSizing.codec, property: \.chunkSizing,
            doc: ChunkSizing(minimum: 10, maximum: 15, chunkMultiplier: 2), shipped: .baseline,
            shippedNote: "unchanged"),
        Phase(
            .requestCancellation, section: "plan 5.2",
            summary: "Cancel requests at their deadline instead of waiting them out.",
            codec: RequestCancellation.codec, property: \.requestCancellation,
            doc: .allRequests, shipped: .energyBatches(timeout: RequestCancellation.shippedEnergyBatchTimeout),
            shippedNote: "only the LLM energy batches (45 s)"),
        Phase(
            .circuitBreaker, section: "plan 5.3",
            summary: "Stop calling ReccoBeats after FAILURES consecutive failures; retry after COOLDOWN.",
            codec: CircuitBreakerPolicy.codec.orOff, property: \.circuitBreaker,
            doc: CircuitBreakerPolicy.plan, shipped: nil, shippedNote: "not shipped"),
        Phase(
            .skipOrdering, section: "plan 6.1",
            summary: "Skip playlist ordering when the tracks are already well ordered.",
            codec: .onOff, property: \.skipOrderingWhenOrdered,
            doc: true, shipped: nil, shippedNote: "not shipped"),
        Phase(
            .earlyExit, section: "plan 6.2",
            summary: "Stop generating once enough high-quality tracks exist.",
            codec: .onOff, property: \.earlyExit,
            doc: true, shipped: nil, shippedNote: "not shipped"),
    ]
}
