/// plan 3.3: how much of seed gathering overlaps with artist discovery.
public enum DiscoveryOverlap: String, Sendable, Hashable, CaseIterable {
    /// Baseline: the six seed-gathering steps run strictly one after another.
    case off
    /// What shipped: anchor selection's and artist discovery's searches run in parallel.
    case partial
    /// The plan's proposal: artist discovery starts early and overlaps the other steps.
    case full
}

/// guide, long term: which identical requests share one upstream call.
public enum RequestDedup: String, Sendable, Hashable, CaseIterable {
    /// Baseline: only identical *cached* requests in flight share a call.
    case cached
    /// The guide's proposal: every identical in-flight ReccoBeats request shares a call.
    case inFlight = "in-flight"
}
