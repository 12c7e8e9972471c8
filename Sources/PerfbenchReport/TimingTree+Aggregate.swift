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
        TimingColumns(trees).percentileTree(p, largestCount: largestCount)
    }
}
