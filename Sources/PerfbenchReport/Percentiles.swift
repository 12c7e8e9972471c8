/// Exact percentiles by the **nearest-rank** definition: the P-th percentile of n values is the
/// value at rank ⌈P/100 · n⌉ (1-based) of the sorted list, clamped to rank 1…n.
///
/// Always one of the values (no interpolation), so a P95 over 20 recordings is the 19th
/// slowest run, a real run one can replay. Example: over 1…20, P50 = 10, P95 = 19, P99 = 20.
public enum Percentiles {
    /// The 1-based rank nearest-rank picks for percentile `p` (0…100) of `count` values.
    public static func rank(_ p: Double, count: Int) -> Int {
        guard count > 0 else { return 0 }
        // p·n before dividing: for whole p and n it is exact, so 95·20/100 is exactly 19 and
        // the ceiling does not jump to 20 on a rounding error in 0.95.
        let raw = (p * Double(count) / 100).rounded(.up)
        return min(count, max(1, Int(raw)))
    }

    /// Percentile `p` of values already sorted ascending, or nil when there are none.
    public static func nearestRank<Value: Comparable>(_ p: Double, sorted values: [Value]) -> Value? {
        guard !values.isEmpty else { return nil }
        return values[rank(p, count: values.count) - 1]
    }

    /// Percentile `p` of values in any order, or nil when there are none.
    public static func nearestRank<Value: Comparable>(_ p: Double, of values: [Value]) -> Value? {
        nearestRank(p, sorted: values.sorted())
    }
}
