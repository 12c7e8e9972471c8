/// Which optimizations a replay applies: a name and one typed value per toggle of PIPELINE.md §7.
///
/// The workflow reads the typed properties (`config.seedChunkConcurrency`,
/// `config.skipIteration`, …) and never parses text. Every property's initial value is the
/// backend's **baseline** (its state on 2025-11-07, where both seeds start), so
/// `PipelineConfiguration.baseline` is the unmodified pipeline. The text form of each value, for
/// flags, files, reports and recording headers, comes from the `Phase` catalogue.
public struct PipelineConfiguration: Sendable, Hashable {
    /// How the configuration was chosen: a preset, or a spec such as
    /// `guide-immediate,top-tracks-batch=10`. Two configurations with equal values but different
    /// names are not `==`; compare `differences(from:)` for values alone.
    public var name: String

    // MARK: guide 1.1–1.3

    /// skip-iteration: skip the improvement loop when quality is already good; nil (baseline)
    /// always iterates.
    public var skipIteration: SkipIterationPolicy? = nil
    /// anchor-genre-limit: genre keywords anchor selection searches (baseline 8).
    public var anchorGenreLimit: Int = 8
    /// anchor-artist-limit: artists anchor selection processes (baseline 8).
    public var anchorArtistLimit: Int = 8
    /// discovery-artist-limit: artist discovery's search limits and genre count (baseline 40/30/10).
    public var discoveryLimits: DiscoveryLimits = .baseline

    // MARK: guide 2.1–2.3

    /// top-tracks-batch: how several artists' top tracks are fetched (baseline batches of 5).
    public var topTracksFetch: TopTracksFetch = .batches(size: 5)
    /// fast-anchor-scoring: score anchors by heuristics instead of the LLM (baseline false).
    public var fastAnchorScoring: Bool = false
    /// ordering-batch: tracks per energy-analysis LLM batch in playlist ordering (baseline 8).
    public var orderingBatchSize: Int = 8

    // MARK: guide 3.1

    /// max-iterations: iterations of the improvement loop (baseline 1).
    public var maxIterations: Int = 1
    /// quality-threshold: the planner's per-mood threshold (baseline) or a fixed one.
    public var qualityThreshold: QualityThreshold = .planner
    /// anchor-selection-limit: anchor tracks selected (baseline 5).
    public var anchorSelectionLimit: Int = 5

    // MARK: plan 0.1–1.2

    /// top-tracks-cache-ttl: TTL of the artist top-tracks cache (baseline 30 min).
    public var topTracksCacheTTL: Duration = .seconds(30 * 60)
    /// prefetch-artist-data: prefetch artist data during seed gathering (baseline false).
    public var prefetchArtistData: Bool = false
    /// parallel-artists: artists the artist-based generator processes at once; nil (baseline)
    /// processes them sequentially with a 0.1 s sleep between.
    public var parallelArtists: Int? = nil
    /// reccobeats-timeout: read timeout of the ReccoBeats recommendation, multiple-tracks and
    /// audio-features tools; other tools keep 30 s (baseline 30 s).
    public var reccobeatsTimeout: Duration = .seconds(30)
    /// slow-request-log: log requests slower than this; nil (baseline) logs none.
    public var slowRequestLogThreshold: Duration? = nil

    // MARK: plan 2.1–2.4

    /// seed-stagger: sleep per chunk index before each seed chunk, taken while holding the
    /// chunk's semaphore slot (baseline 0.2 s, so chunk i sleeps 0.2·i s).
    public var seedStagger: Duration = .milliseconds(200)
    /// seed-chunk-concurrency: seed chunks in flight at once (baseline 3).
    public var seedChunkConcurrency: Int = 3
    /// batch-track-details: chunked parallel track-details lookups; nil (baseline) makes one call.
    public var trackDetailsBatching: TrackDetailsBatching? = nil
    /// skip-redundant-details: fetch details only for ids missing `durationMs` (baseline false).
    public var skipRedundantDetails: Bool = false

    // MARK: plan 3.1–3.3

    /// parallel-details-features: fetch track details and audio features concurrently
    /// (baseline false: one after the other).
    public var parallelDetailsAndFeatures: Bool = false
    /// prefetch-details: fetch seed track details while recommendations are pending
    /// (baseline false).
    public var prefetchDetails: Bool = false
    /// overlap-discovery: how much artist discovery overlaps other seed gathering (baseline off).
    public var discoveryOverlap: DiscoveryOverlap = .off

    // MARK: plan 4.1–4.3

    /// track-details-ttl: TTL of the ReccoBeats `/v1/track` cache (baseline 30 min).
    public var trackDetailsTTL: Duration = .seconds(30 * 60)
    /// seed-chunk-cache: TTL of a cache of whole seed-chunk results; nil (baseline) caches only
    /// the individual responses (recommendation service cache, 30 min).
    public var seedChunkCacheTTL: Duration? = nil
    /// cache-prewarm: caches prewarmed for common seeds before the workflow (baseline false).
    public var cachePrewarm: Bool = false

    // MARK: plan 5.1–6.2

    /// chunk-size: recommendations per seed chunk and chunk count (baseline 3…10, 1x).
    public var chunkSizing: ChunkSizing = .baseline
    /// request-cancellation: which requests are cancelled at a deadline (baseline off).
    public var requestCancellation: RequestCancellation = .off
    /// circuit-breaker: stop calling ReccoBeats after consecutive failures; nil (baseline) never.
    public var circuitBreaker: CircuitBreakerPolicy? = nil
    /// skip-ordering: skip playlist ordering when the tracks are already ordered (baseline false).
    public var skipOrderingWhenOrdered: Bool = false
    /// early-exit: stop generating once enough good tracks exist (baseline false).
    public var earlyExit: Bool = false

    // MARK: shipped only

    /// reccobeats-semaphore: permits of the global ReccoBeats semaphore (baseline 6).
    public var reccobeatsSemaphore: Int = 6
    /// audio-feature-batching: audio-feature batch size, concurrency and sleep (baseline 5/3/1.2 s).
    public var audioFeatureBatching: AudioFeatureBatching = .baseline
    /// retry-after-cap: fail fast when Retry-After exceeds this; nil (baseline) waits any amount.
    public var retryAfterCap: Duration? = nil
    /// anchor-sources: how anchor selection gathers candidates (baseline artists, then genres).
    public var anchorSources: AnchorSources = .inTurn
    /// album-sampling: which album track the hybrid fetch samples (baseline the same each run).
    public var albumSampling: AlbumSampling = .stable

    // MARK: guide, long term

    /// request-dedup: which identical in-flight requests share a call (baseline cached only).
    public var requestDedup: RequestDedup = .cached
    /// cache-tier: where the caches live (baseline in-process memory).
    public var cacheTier: CacheTier = .memory
    /// partial-streaming: stream tracks as they become final (baseline false: deliver at the end).
    public var partialStreaming: Bool = false

    // MARK: run state

    /// warm-cache: shares of ReccoBeats id mappings and audio features a persistent cache holds
    /// when the workflow starts; nil (baseline) starts cold.
    public var warmCache: WarmCache? = nil

    /// A configuration with every value at baseline, under the given name.
    public init(name: String = "baseline") {
        self.name = name
    }

    /// The backend as both seeds found it: no optimization applied.
    public static let baseline = PipelineConfiguration(name: "baseline")
}
