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
