/// Nearest-rank P50/P95/P99 over a corpus of runs: of the workflow total and of every stage.
public struct CorpusPercentiles: Sendable, Equatable {
    /// How many runs the percentiles are over.
    public var runCount: Int
    /// Percentiles of the workflow total, in seconds.
    public var total: PercentileSummary
    /// Percentiles per stage path (e.g. `orchestration/initial_generation`), in seconds; a run
    /// without the stage counts 0 s, so every summary is over `runCount` values.
    public var stages: [String: PercentileSummary]
    /// The P50 tree: each stage's median time in tree form, for renderers and diffs.
    public var medianTree: TimingTree

    /// Percentiles over the runs' timing trees.
    public init(trees: [TimingTree]) {
        self.init(TimingColumns(trees))
    }

    /// Percentiles over the runs, each run's tree built and dropped in turn.
    public init(runs: [RunResult]) {
        self.init(TimingColumns(runs.lazy.map(\.timingTree)))
    }

    /// Percentiles over the trees gathered in `columns`.
    init(_ columns: TimingColumns) {
        runCount = columns.treeCount
        total = PercentileSummary(columns.totals)
        stages = columns.stageSeconds.mapValues(PercentileSummary.init)
        medianTree = columns.percentileTree(50, largestCount: TimingTree.defaultLargestCount)
    }

    /// The stage paths in tree order (the P50 tree's preorder), the order text and markdown use.
    public var stagePathsInTreeOrder: [String] {
        medianTree.nodes.dropFirst().map(\.path)
    }
}
