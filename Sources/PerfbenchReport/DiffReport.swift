/// Everything `perfbench diff` shows: the merged tree of per-stage times (P50 over the corpus,
/// which for a single recording is just its times), total percentiles before and after, and
/// the summary counters before and after.
public struct DiffReport: Sendable, Equatable {
    /// The schema of the JSON form.
    public static let schema = "perfbench.diff/1"

    /// The base configuration.
    public var baseConfig: RunConfig
    /// The candidate configuration.
    public var candidateConfig: RunConfig
    /// The base's P50 tree against the candidate's.
    public var tree: TreeDiff
    /// Percentiles of the base runs.
    public var basePercentiles: CorpusPercentiles
    /// Percentiles of the candidate runs.
    public var candidatePercentiles: CorpusPercentiles
    /// The base's counters (summed; quality averaged).
    public var baseTotals: RunTotals
    /// The candidate's counters.
    public var candidateTotals: RunTotals

    /// Compares the runs of the same recordings under two configurations. The configurations
    /// default to those of the first run on each side.
    public init(
        base: [RunResult], candidate: [RunResult], baseConfig: RunConfig? = nil, candidateConfig: RunConfig? = nil,
        moverCount: Int = TimingTree.defaultLargestCount
    ) {
        self.baseConfig = baseConfig ?? base.first?.config ?? RunConfig(name: "base", phases: [:])
        self.candidateConfig = candidateConfig ?? candidate.first?.config ?? RunConfig(name: "candidate", phases: [:])
        basePercentiles = CorpusPercentiles(runs: base)
        candidatePercentiles = CorpusPercentiles(runs: candidate)
        tree = TreeDiff(base: basePercentiles.medianTree, candidate: candidatePercentiles.medianTree, moverCount: moverCount)
        baseTotals = RunTotals(runs: base)
        candidateTotals = RunTotals(runs: candidate)
        let percentiles = max(base.count, candidate.count) > 1 ? [("p50", 50.0), ("p95", 95.0), ("p99", 99.0)] : [("total", 50.0)]
        bands = percentiles.compactMap { label, p in
            let baseBand = PredictionInterval.corpusBand(p, of: base)
            let candidateBand = PredictionInterval.corpusBand(p, of: candidate)
            guard baseBand != nil || candidateBand != nil else { return nil }
            return DrawBand(label: label, base: baseBand, candidate: candidateBand)
        }
        unfinishedShare = Shares(base: Self.unfinished(base), candidate: Self.unfinished(candidate))
        pathMoves = Self.pathMoves(base: base, candidate: candidate)
    }

    /// How the critical path moved: per endpoint, wait or step, its seconds on the path (summed
    /// over the recordings) before and after, largest change first (at most five, changes only).
    public var pathMoves: [TotalComparison] = []

    static func pathMoves(base: [RunResult], candidate: [RunResult]) -> [TotalComparison] {
        func totals(_ runs: [RunResult]) -> [String: Double] {
            var sums: [String: Double] = [:]
            for run in runs {
                for part in run.criticalPathSummary?.byName ?? [] { sums[part.name, default: 0] += part.seconds }
            }
            return sums
        }
        let before = totals(base)
        let after = totals(candidate)
        return Set(before.keys).union(after.keys).sorted()
            .map { TotalComparison(label: $0, base: before[$0] ?? 0, candidate: after[$0] ?? 0) }
            .filter { abs($0.deltaSeconds) >= 0.005 }
            .enumerated().sorted { lhs, rhs in
                abs(lhs.element.deltaSeconds) != abs(rhs.element.deltaSeconds)
                    ? abs(lhs.element.deltaSeconds) > abs(rhs.element.deltaSeconds) : lhs.offset < rhs.offset
            }.prefix(5).map(\.element)
    }

    /// A total percentile's spread over the draws of each side (`--draws`), nil where that side
    /// is exact in every draw.
    public struct DrawBand: Sendable, Equatable {
        public var label: String
        public var base: (p10: Double, p90: Double)?
        public var candidate: (p10: Double, p90: Double)?

        public static func == (lhs: DrawBand, rhs: DrawBand) -> Bool {
            lhs.label == rhs.label && lhs.base?.p10 == rhs.base?.p10 && lhs.base?.p90 == rhs.base?.p90
                && lhs.candidate?.p10 == rhs.candidate?.p10 && lhs.candidate?.p90 == rhs.candidate?.p90
        }
    }

    /// A share per side.
    public struct Shares: Sendable, Equatable {
        public var base: Double
        public var candidate: Double
    }

    /// The total percentiles' spreads over the draws (empty without draws).
    public var bands: [DrawBand] = []
    /// Per side, the share of draws (over every recording) that did not finish.
    public var unfinishedShare = Shares(base: 0, candidate: 0)

    private static func unfinished(_ runs: [RunResult]) -> Double {
        let intervals = runs.compactMap(\.interval)
        guard !intervals.isEmpty else { return 0 }
        return intervals.map(\.unfinished).reduce(0, +) / Double(intervals.count)
    }

    /// Whether either side has more than one run, so percentiles say more than the tree.
    public var isCorpus: Bool { basePercentiles.runCount > 1 || candidatePercentiles.runCount > 1 }

    /// One percentile of the total, base against candidate.
    public struct TotalComparison: Sendable, Equatable {
        /// `p50`, `p95` or `p99`.
        public var label: String
        /// The base's value, seconds.
        public var base: Double
        /// The candidate's value, seconds.
        public var candidate: Double

        /// Candidate minus base, seconds.
        public var deltaSeconds: Double { candidate - base }
        /// The change as a percent of the base; nil when the base is 0.
        public var deltaPercent: Double? { base == 0 ? (candidate == 0 ? 0 : nil) : (candidate - base) / base * 100 }
    }

    /// P50, P95 and P99 of the total, base against candidate.
    public var totalComparisons: [TotalComparison] {
        zip(basePercentiles.total.labelled, candidatePercentiles.total.labelled).map {
            TotalComparison(label: $0.key, base: $0.value, candidate: $1.value)
        }
    }
}
