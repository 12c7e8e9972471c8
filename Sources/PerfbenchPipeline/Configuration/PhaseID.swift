/// The stable identifier of one optimization toggle of PIPELINE.md §7.
///
/// Raw values are the kebab-case ids users type (`--phase parallel-artists=8`) and that reports and
/// recording headers store; they never change once released, so a recording made today still
/// replays with the same configuration later.
public enum PhaseID: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    // guide 1.1–1.3: quick wins
    /// guide 1.1: skip the improvement loop when the first evaluation is already good.
    case skipIteration = "skip-iteration"
    /// guide 1.2: how many genre keywords anchor selection searches.
    case anchorGenreLimit = "anchor-genre-limit"
    /// guide 1.2: how many artists anchor selection processes.
    case anchorArtistLimit = "anchor-artist-limit"
    /// guide 1.3: breadth of artist discovery (artist search limit, track search limit, genres).
    case discoveryArtistLimit = "discovery-artist-limit"
    // guide 2.1–2.3
    /// guide 2.1: how artist top tracks are fetched in parallel.
    case topTracksBatch = "top-tracks-batch"
    /// guide 2.2: heuristic anchor scoring instead of the LLM.
    case fastAnchorScoring = "fast-anchor-scoring"
    /// guide 2.3: tracks per energy-analysis LLM batch in playlist ordering.
    case orderingBatch = "ordering-batch"
    // guide 3.1: environment configuration
    /// guide 3.1: iterations of the improvement loop.
    case maxIterations = "max-iterations"
    /// guide 3.1: the quality threshold (the planner's per-mood value, or a fixed one).
    case qualityThreshold = "quality-threshold"
    /// guide 3.1: how many anchor tracks are selected.
    case anchorSelectionLimit = "anchor-selection-limit"
    // plan 0.1–6.2
    /// plan 0.1: TTL of the artist top-tracks cache.
    case topTracksCacheTTL = "top-tracks-cache-ttl"
    /// plan 0.1: prefetch artist data during seed gathering.
    case prefetchArtistData = "prefetch-artist-data"
    /// plan 0.2: artists processed concurrently in the artist-based generator.
    case parallelArtists = "parallel-artists"
    /// plan 1.1: read timeout of the ReccoBeats recommendation, track and audio-feature tools.
    case reccobeatsTimeout = "reccobeats-timeout"
    /// plan 1.2: log requests slower than a threshold.
    case slowRequestLog = "slow-request-log"
    /// plan 2.1: the per-index sleep before each seed chunk.
    case seedStagger = "seed-stagger"
    /// plan 2.2: seed chunks processed at once.
    case seedChunkConcurrency = "seed-chunk-concurrency"
    /// plan 2.3: track-details requests split into parallel chunks.
    case batchTrackDetails = "batch-track-details"
    /// plan 2.4: fetch track details only for ids missing `durationMs`.
    case skipRedundantDetails = "skip-redundant-details"
    /// plan 3.1: track details and audio features fetched concurrently.
    case parallelDetailsFeatures = "parallel-details-features"
    /// plan 3.2: prefetch seed track details while recommendations are pending.
    case prefetchDetails = "prefetch-details"
    /// plan 3.3: overlap artist discovery with other seed-gathering work.
    case overlapDiscovery = "overlap-discovery"
    /// plan 4.1: TTL of the ReccoBeats track-details cache.
    case trackDetailsTTL = "track-details-ttl"
    /// plan 4.2: whole seed-chunk results cached.
    case seedChunkCache = "seed-chunk-cache"
    /// plan 4.3: cache prewarmed for common seeds.
    case cachePrewarm = "cache-prewarm"
    /// plan 5.1: recommendations requested per seed chunk, and chunk count.
    case chunkSize = "chunk-size"
    /// plan 5.2: cancel requests instead of waiting them out.
    case requestCancellation = "request-cancellation"
    /// plan 5.3: stop calling ReccoBeats after consecutive failures.
    case circuitBreaker = "circuit-breaker"
    /// plan 6.1: skip playlist ordering when already ordered.
    case skipOrdering = "skip-ordering"
    /// plan 6.2: stop generating once enough good tracks exist.
    case earlyExit = "early-exit"
    // shipped only
    /// shipped only: permits of the global ReccoBeats semaphore.
    case reccobeatsSemaphore = "reccobeats-semaphore"
    /// shipped only: audio-feature batch size, concurrency and sleep.
    case audioFeatureBatching = "audio-feature-batching"
    /// shipped only: fail fast on a Retry-After above a cap.
    case retryAfterCap = "retry-after-cap"
    /// shipped only: anchor selection's artist and genre searches at once, one feature batch.
    case anchorSources = "anchor-sources"
    /// shipped only: which album track the artist strategy samples in each generator run.
    case albumSampling = "album-sampling"
    // guide, long term
    /// guide, long term: dedup of identical in-flight ReccoBeats requests.
    case requestDedup = "request-dedup"
    /// guide, long term: where the caches live (memory, tiered, remote).
    case cacheTier = "cache-tier"
    /// guide, long term: stream tracks to the client as they become final.
    case partialStreaming = "partial-streaming"
    // run state
    /// run state: share of ReccoBeats ids and audio features a persistent cache already holds.
    case warmCache = "warm-cache"

    /// Orders ids alphabetically, the order of every listing and canonical rendering.
    public static func < (lhs: PhaseID, rhs: PhaseID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Every id in alphabetical order.
    public static let sorted: [PhaseID] = allCases.sorted()
}
