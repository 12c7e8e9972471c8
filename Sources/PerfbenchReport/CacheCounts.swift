/// Client-side cache lookups of a run.
public struct CacheCounts: Sendable, Equatable, Hashable, Codable {
    /// Lookups answered from the cache.
    public var hits: Int
    /// Lookups that went upstream.
    public var misses: Int

    /// Makes cache counts; both default to zero.
    public init(hits: Int = 0, misses: Int = 0) {
        self.hits = hits
        self.misses = misses
    }

    /// Hits as a fraction of all lookups, 0 when there were none.
    public var hitRate: Double {
        let lookups = hits + misses
        return lookups == 0 ? 0 : Double(hits) / Double(lookups)
    }

    /// The sum of two runs' lookups, for corpus totals.
    public static func + (lhs: CacheCounts, rhs: CacheCounts) -> CacheCounts {
        CacheCounts(hits: lhs.hits + rhs.hits, misses: lhs.misses + rhs.misses)
    }
}
