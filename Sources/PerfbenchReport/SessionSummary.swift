/// What warm sessions (`--session N`) showed: per run number, the totals over the recordings,
/// and the cache hit rate of the repeat runs (2…N), which the plan's criterion "> 50 % on repeat
/// requests" and the guide's "> 80 % on subsequent runs" are about.
public struct SessionSummary: Sendable, Equatable {
    /// One run number of the session over every recording.
    public struct RunNumber: Sendable, Equatable {
        /// 1 is the cold run.
        public var number: Int
        /// The median total over the recordings (nearest rank).
        public var p50: Double
        public var cache: CacheCounts
        public var requests: Int
    }

    /// Runs per session.
    public var runsPerSession: Int
    /// Run 1, 2, … N.
    public var runs: [RunNumber]
    /// Cache hits and misses of runs 2…N together.
    public var repeatCache: CacheCounts

    /// The summary of `runs` (each the first run of its session); nil when they ran no session.
    public init?(_ runs: [RunResult]) {
        let count = 1 + (runs.map(\.laterRuns.count).max() ?? 0)
        guard count > 1 else { return nil }
        runsPerSession = count
        self.runs = (0..<count).map { number in
            let nth = runs.compactMap { run in number == 0 ? run : run.laterRuns.dropFirst(number - 1).first }
            let cache = nth.reduce(CacheCounts()) { CacheCounts(hits: $0.hits + $1.cache.hits, misses: $0.misses + $1.cache.misses) }
            return RunNumber(
                number: number + 1, p50: Percentiles.nearestRank(50, of: nth.map(\.totalSeconds)) ?? 0, cache: cache,
                requests: nth.map(\.requests.total).reduce(0, +))
        }
        let later = runs.flatMap(\.laterRuns)
        repeatCache = later.reduce(CacheCounts()) { CacheCounts(hits: $0.hits + $1.cache.hits, misses: $0.misses + $1.cache.misses) }
    }

    /// `session: 3 runs each; run 1 333.40s (41.3% cache hits, 376 requests), run 2 …; runs 2–3: 88.0% cache hits (…)`.
    public var text: String {
        let each = runs.map { run in
            "run \(run.number) \(TextReport.seconds(run.p50)) (\(DecimalText.fixed(run.cache.hitRate * 100, 1))% cache hits, "
                + "\(run.requests) requests)"
        }
        return "\(runsPerSession) runs each in one warm pipeline session; " + each.joined(separator: ", ")
            + "; runs 2–\(runsPerSession): \(DecimalText.fixed(repeatCache.hitRate * 100, 1))% cache hits "
            + "(\(repeatCache.hits) hits, \(repeatCache.misses) misses)"
    }

    /// `{runs_per_session, runs: [{run, total_p50_seconds, requests, cache}], repeat_cache}`.
    var json: OrderedJSON {
        .members([
            ("runs_per_session", .int(runsPerSession)),
            ("runs", .array(runs.map { run in
                .members([
                    ("run", .int(run.number)), ("total_p50_seconds", .seconds(run.p50)), ("requests", .int(run.requests)),
                    ("cache", JSONReport.cacheObject(run.cache)),
                ])
            })),
            ("repeat_cache", JSONReport.cacheObject(repeatCache)),
        ])
    }
}
