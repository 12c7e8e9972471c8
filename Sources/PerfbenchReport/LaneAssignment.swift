/// Greedy interval colouring: puts intervals on as few lanes (trace threads) as possible so that
/// no two intervals on one lane overlap.
///
/// Intervals are taken in order of start (ties: the longer first, so it sits on the lower lane,
/// then input order), and each goes to
/// the lowest-numbered lane that is free at its start (its previous interval has ended; touching
/// is allowed). Greedy colouring in start order uses the minimum number of lanes, the
/// peak concurrency, and depends only on the input, so traces are stable.
public enum LaneAssignment {
    /// The lane (0-based) of each interval, in input order. `end` before `start` counts as `start`.
    public static func assign(_ intervals: [(start: Int, end: Int)]) -> [Int] {
        let order = intervals.indices.sorted { a, b in
            let x = intervals[a]
            let y = intervals[b]
            return (x.start, max(y.start, y.end), a) < (y.start, max(x.start, x.end), b)
        }
        var laneEnds: [Int] = []
        var lanes = Array(repeating: 0, count: intervals.count)
        for index in order {
            let interval = intervals[index]
            let end = max(interval.start, interval.end)
            if let free = laneEnds.firstIndex(where: { $0 <= interval.start }) {
                lanes[index] = free
                laneEnds[free] = end
            } else {
                lanes[index] = laneEnds.count
                laneEnds.append(end)
            }
        }
        return lanes
    }
}
