/// The summary counters of one run or of a corpus: counts summed over runs, quality averaged.
public struct RunTotals: Sendable, Equatable {
    /// How many runs were summed.
    public var runCount: Int
    /// Requests, summed.
    public var requests: RequestCounts
    /// Waits, summed.
    public var waits: WaitCounts
    /// Cache lookups, summed.
    public var cache: CacheCounts
    /// Mean overall quality.
    public var overall: Double
    /// Mean cohesion.
    public var cohesion: Double
    /// Mean playlist length.
    public var tracks: Double
    /// Extra counters, summed by name.
    public var counters: [String: Double]

    /// Sums the runs' counters; all zero when there are no runs.
    public init(runs: [RunResult]) {
        runCount = runs.count
        requests = runs.reduce(RequestCounts()) { $0 + $1.requests }
        waits = runs.reduce(WaitCounts()) { $0 + $1.waits }
        cache = runs.reduce(CacheCounts()) { $0 + $1.cache }
        let count = Double(max(1, runs.count))
        overall = runs.reduce(0) { $0 + $1.quality.overall } / count
        cohesion = runs.reduce(0) { $0 + $1.quality.cohesion } / count
        tracks = runs.reduce(0) { $0 + Double($1.quality.tracks) } / count
        counters = runs.reduce(into: [:]) { sum, run in sum.merge(run.counters, uniquingKeysWith: +) }
    }
}
