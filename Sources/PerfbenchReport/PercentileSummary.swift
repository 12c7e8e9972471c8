/// P50, P95 and P99 of one metric, nearest-rank, with how many values they came from.
public struct PercentileSummary: Sendable, Equatable, Hashable {
    /// The median.
    public var p50: Double
    /// The 95th percentile.
    public var p95: Double
    /// The 99th percentile.
    public var p99: Double
    /// How many values there were.
    public var count: Int

    /// Makes a summary from known values.
    public init(p50: Double, p95: Double, p99: Double, count: Int) {
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.count = count
    }

    /// The summary of `values` (any order); all zero when there are none.
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        self.init(
            p50: Percentiles.nearestRank(50, sorted: sorted) ?? 0,
            p95: Percentiles.nearestRank(95, sorted: sorted) ?? 0,
            p99: Percentiles.nearestRank(99, sorted: sorted) ?? 0,
            count: sorted.count)
    }

    /// The three values in order, with their JSON keys.
    public var labelled: [(key: String, value: Double)] { [("p50", p50), ("p95", p95), ("p99", p99)] }
}
