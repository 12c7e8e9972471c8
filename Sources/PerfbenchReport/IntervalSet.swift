/// A set of time as sorted, disjoint half-open microsecond intervals: how the timing tree
/// measures wall time when spans repeat or overlap.
struct IntervalSet: Sendable, Equatable {
    /// Disjoint `[start, end)` pairs sorted by start; touching intervals are merged.
    private(set) var intervals: [(start: Int, end: Int)]

    /// The union of the given intervals (empty or negative ones are dropped).
    init(_ pairs: [(start: Int, end: Int)]) {
        let sorted = pairs.filter { $0.end > $0.start }.sorted { $0.start < $1.start }
        var merged: [(start: Int, end: Int)] = []
        for pair in sorted {
            if let last = merged.last, pair.start <= last.end {
                merged[merged.count - 1].end = max(last.end, pair.end)
            } else {
                merged.append(pair)
            }
        }
        intervals = merged
    }

    /// Microseconds covered.
    var length: Int { intervals.reduce(0) { $0 + ($1.end - $1.start) } }

    /// The union of this set and another.
    func union(_ other: IntervalSet) -> IntervalSet { IntervalSet(intervals + other.intervals) }

    /// Microseconds covered by both sets (a linear merge of the two sorted lists).
    func overlapLength(with other: IntervalSet) -> Int {
        var total = 0
        var mine = 0
        var theirs = 0
        while mine < intervals.count, theirs < other.intervals.count {
            let a = intervals[mine]
            let b = other.intervals[theirs]
            total += max(0, min(a.end, b.end) - max(a.start, b.start))
            if a.end < b.end { mine += 1 } else { theirs += 1 }
        }
        return total
    }

    static func == (lhs: IntervalSet, rhs: IntervalSet) -> Bool {
        lhs.intervals.elementsEqual(rhs.intervals) { $0.start == $1.start && $0.end == $1.end }
    }
}
