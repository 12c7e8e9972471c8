/// plan 3.3: how much of seed gathering overlaps with artist discovery.
public enum DiscoveryOverlap: String, Sendable, Hashable, CaseIterable {
    /// Baseline: the six seed-gathering steps run strictly one after another.
    case off
    /// What shipped: anchor selection's and artist discovery's searches run in parallel.
    case partial
    /// The plan's proposal: artist discovery starts early and overlaps the other steps.
    case full
}

/// shipped only: how anchor selection gathers its artist and genre candidates.
public enum AnchorSources: String, Sendable, Hashable, CaseIterable {
    /// Baseline: artists first (features of their top three each), then one genre after another,
    /// each with its features.
    case inTurn = "in-turn"
    /// What shipped by 2025-11-11: artist and genre searches all at once (each genre still
    /// converting its own tracks), then one feature batch over every candidate (at most 100).
    case together
}

/// shipped only: which track of each album the artist strategy's hybrid fetch samples.
public enum AlbumSampling: String, Sendable, Hashable, CaseIterable {
    /// Baseline: the album's middle track, the same in every generator run (so a later run
    /// meets its tracks in the caches).
    case stable
    /// What shipped by 2025-11-07 (`sampling tracks for diversity`): another track in each
    /// generator run, so every run converts and fetches features for new tracks.
    case perRun = "per-run"
}

/// guide, long term: which identical requests share one upstream call.
public enum RequestDedup: String, Sendable, Hashable, CaseIterable {
    /// Baseline: only identical *cached* requests in flight share a call.
    case cached
    /// The guide's proposal: every identical in-flight ReccoBeats request shares a call.
    case inFlight = "in-flight"
}
