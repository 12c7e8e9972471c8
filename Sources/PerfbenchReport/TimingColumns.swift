/// Many runs' stage times gathered stage by stage, one timing tree at a time: what a corpus's
/// percentiles and its percentile tree read, without holding every run's tree.
///
/// Why: a report over 1,000 recordings built all 1,000 trees (each with its own paths and a
/// dictionary over them) to take percentiles; the report's peak was 8 MB above the replays'.
/// Kept column by column it is three integers per stage and run.
struct TimingColumns {
    /// One stage's times in the trees that have it, in the order the trees came.
    private struct Column {
        /// The stage's name in the first tree that has it.
        var name: String
        var starts: [Int] = []
        var micros: [Int] = []
        var selfMicros: [Int] = []
        /// The number of the last tree that added to it: a path a tree repeats counts once.
        var lastTree: Int
    }

    /// How many trees were added.
    private(set) var treeCount = 0
    /// Each tree's total, in seconds, in the order the trees came.
    private(set) var totals: [Double] = []
    private var columns: [String: Column] = [:]
    private var childPaths: [String: Set<String>] = [:]

    /// Nothing gathered yet.
    init() {}

    /// The stage times of `trees`, each tree read and dropped in turn (a lazy sequence builds
    /// one at a time).
    init<Trees: Sequence<TimingTree>>(_ trees: Trees) {
        for tree in trees { add(tree) }
    }

    /// Gathers the stage times of `tree`.
    mutating func add(_ tree: TimingTree) {
        let number = treeCount
        treeCount += 1
        totals.append(tree.totalSeconds)
        tree.root.visit { node in
            if let index = columns.index(forKey: node.path) {
                guard columns.values[index].lastTree != number else { return }
                columns.values[index].lastTree = number
                columns.values[index].starts.append(node.startMicros)
                columns.values[index].micros.append(node.micros)
                columns.values[index].selfMicros.append(node.selfMicros)
                return
            }
            columns[node.path] = Column(
                name: node.name, starts: [node.startMicros], micros: [node.micros], selfMicros: [node.selfMicros],
                lastTree: number)
            if !node.path.isEmpty { childPaths[TimingTree.parentPath(of: node.path), default: []].insert(node.path) }
        }
    }

    /// Per stage path, its times in seconds over every tree, a tree without it counting 0 s.
    var stageSeconds: [String: [Double]] {
        var seconds: [String: [Double]] = [:]
        for (path, column) in columns where !path.isEmpty {
            seconds[path] = column.micros.map { Double($0) / 1_000_000 }
                + Array(repeating: 0, count: treeCount - column.micros.count)
        }
        return seconds
    }

    /// The tree of one percentile per stage (``TimingTree/aggregate(_:percentile:largestCount:)``).
    func percentileTree(_ p: Double, largestCount: Int) -> TimingTree {
        func build(_ path: String) -> TimingNode {
            let column = columns[path]
            let zeros = Array(repeating: 0, count: treeCount - (column?.micros.count ?? 0))
            return TimingNode(
                name: column?.name ?? (path.isEmpty ? TimingTree.rootName : path), path: path,
                startMicros: Percentiles.nearestRank(p, of: column?.starts ?? []) ?? 0,
                micros: Percentiles.nearestRank(p, of: (column?.micros ?? []) + zeros) ?? 0,
                selfMicros: Percentiles.nearestRank(p, of: (column?.selfMicros ?? []) + zeros) ?? 0,
                children: TimingNode.ordered((childPaths[path] ?? []).map(build)))
        }
        return TimingTree(root: build(""), largestCount: largestCount)
    }
}
