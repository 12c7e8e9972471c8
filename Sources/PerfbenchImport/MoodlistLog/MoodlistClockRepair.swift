import PerfbenchRecording

/// Undoes the backend's clock excursions: stretches of lines whose timestamps run a few seconds
/// ahead of the lines around them.
///
/// The 2025-11-07 log shows the pattern eight times in one workflow: the clock steps forward
/// by ≈ 6.3 s (hidden inside a gap that also holds real work), a few lines later steps back by
/// about as much, and the lines in between are ahead. Every agent figure the log prints is
/// consistent with the lines outside the excursions (the workflow's own `completed in` matches
/// its start line plus the total), so those are the true base, and a span measured across one
/// edge of an excursion is off by its size: the seed-gathering breakdown the backend printed
/// says discovery took 6.34 s and the user's top artists 6.35 s, while the calls inside them
/// took ≈ 14 s and ≈ 0.3 s.
///
/// Repair, per clock and in file order: a step back of more than a second ends an excursion.
/// Its start is the nearest earlier forward step large enough to hold it (at least the
/// excursion size, less half a second); the lines from there up to the step back move back by
/// `min(forward step, max(step back, typical size))`, where the typical size is the median of
/// the log's steps back. That keeps every corrected step non-negative at the start and puts
/// the real time of a gap that held both work and a jump on the side where it belongs (a 6.2 s
/// "mapping call" followed by a −1.8 s "feature fetch" becomes ≈ 0.1 s and ≈ 4.4 s). A step
/// back with no such forward step is left alone (the builder clamps it).
///
/// The clock also loses time while the backend sleeps out a window wait: `Rate limit reached
/// for get_artist_top_tracks, waiting 48.9s` is followed by the next line only 45.9 s later
/// (the sleep itself runs on a monotonic clock, so at least 48.9 s passed). Each such deficit is
/// added back to every later line; the figures the backend printed itself (agent durations,
/// the total) lost it too, and the builder adds it to the spans they span.
enum MoodlistClockRepair {
    /// A step back longer than this is a clock excursion ending, not concurrent lines' jitter.
    static let threshold: Int64 = 1_000_000
    /// How far back (log time) an excursion's start is looked for.
    static let horizon: Int64 = 90_000_000
    /// Slack when matching a step back against an earlier step forward.
    static let slack: Int64 = 500_000
    /// How far past a sleep's stated end the line ending it is looked for.
    static let horizonAfterSleep: Int64 = 5_000_000

    /// Corrected timestamps for `stamps` (one clock's timestamps in file order) and, per line,
    /// the time added back just before it because the clock lost it in a sleep; `sleeps` gives
    /// the stated window wait (microseconds) of the lines that announce one.
    static func repair(_ stamps: [Int64], sleeps: [Int64?]) -> (stamps: [Int64], lost: [Int64]) {
        var corrected = repair(stamps)
        var lost = [Int64](repeating: 0, count: corrected.count)
        for index in corrected.indices {
            guard let sleep = sleeps[index] else { continue }
            // The sleep shows as the longest silence after the announcement (other tasks may
            // still log meanwhile); the line ending it should come no sooner than the sleep ends.
            var widest: (gap: Int64, end: Int)?
            var next = index + 1
            while next < corrected.count, corrected[next] - corrected[index] <= sleep + horizonAfterSleep {
                let gap = corrected[next] - corrected[next - 1]
                if gap > (widest?.gap ?? 0) { widest = (gap, next) }
                next += 1
            }
            guard let widest, widest.gap * 2 >= sleep else { continue }
            let deficit = corrected[index] + sleep - corrected[widest.end]
            guard deficit > 0 else { continue }
            for later in widest.end..<corrected.count { corrected[later] += deficit }
            lost[widest.end] += deficit
        }
        return (corrected, lost)
    }

    /// Timestamps with the excursions moved back (see the type's description).
    static func repair(_ stamps: [Int64]) -> [Int64] {
        guard stamps.count > 2 else { return stamps }
        let backs = zip(stamps, stamps.dropFirst()).map { $0 - $1 }.filter { $0 > threshold }.sorted()
        guard !backs.isEmpty else { return stamps }
        let typical = backs[backs.count / 2]
        var corrected = stamps
        var floor = 0
        for index in 1..<corrected.count {
            let back = corrected[index - 1] - corrected[index]
            guard back > threshold else { continue }
            let needed = min(back, typical) - slack
            var start: Int?
            var probe = index - 1
            while probe > floor, corrected[index - 1] - corrected[probe] <= horizon {
                if corrected[probe] - corrected[probe - 1] >= needed {
                    start = probe
                    break
                }
                probe -= 1
            }
            guard let start else { continue }
            let shift = min(corrected[start] - corrected[start - 1], max(back, typical))
            for moved in start..<index { corrected[moved] -= shift }
            floor = index
        }
        return corrected
    }
}
