extension TimingTree {
    /// The tree of one percentile per stage over several runs' trees, e.g. the P50 tree a
    /// corpus diff compares.
    ///
    /// A node per path found in any tree. Its time and self time are nearest-rank percentile `p`
    /// over **all** trees, a tree without the stage counting 0 s (a skipped stage took no time,
    /// which is the point of skipping it); its start is percentile `p` of the starts of the
    /// trees that have it. Largest stages are marked on the result by the usual rule.
    public static func aggregate(
        _ trees: [TimingTree], percentile p: Double = 50, largestCount: Int = defaultLargestCount
    ) -> TimingTree {
        let indexed = trees.map { tree in
            Dictionary(tree.nodes.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var childPaths: [String: Set<String>] = [:]
        for index in indexed {
            for path in index.keys where !path.isEmpty {
                childPaths[parentPath(of: path), default: []].insert(path)
            }
        }
        func build(_ path: String) -> TimingNode {
            let present = indexed.compactMap { $0[path] }
            let zeros = Array(repeating: 0, count: indexed.count - present.count)
            let name = present.first?.name ?? (path.isEmpty ? rootName : path)
            return TimingNode(
                name: name, path: path,
                startMicros: Percentiles.nearestRank(p, of: present.map(\.startMicros)) ?? 0,
                micros: Percentiles.nearestRank(p, of: present.map(\.micros) + zeros) ?? 0,
                selfMicros: Percentiles.nearestRank(p, of: present.map(\.selfMicros) + zeros) ?? 0,
                children: TimingNode.ordered((childPaths[path] ?? []).map(build)))
        }
        return TimingTree(root: build(""), largestCount: largestCount)
    }
}
