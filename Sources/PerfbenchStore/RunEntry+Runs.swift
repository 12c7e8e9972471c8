import Foundation
import PerfbenchReport

extension RunEntry {
    /// The entry for a corpus of replayed runs: per-recording totals and nearest-rank
    /// P50/P95/P99 of the total and of every stage (``CorpusPercentiles``), stages in tree order.
    ///
    /// - Parameters:
    ///   - runs: the runs, in the order replayed (their `recording` becomes the path).
    ///   - config: the configuration they ran under (explicit, since `runs` may be empty).
    ///   - createdAt: the time to record; use ``timestamp(_:)`` on the caller's clock.
    public init(
        kind: RunKind, runs: [RunResult], config: RunConfig, recordingSetHash: String, verdict: String? = nil,
        createdAt: String, perfbenchVersion: String, gitCommit: String? = nil
    ) {
        let percentiles = CorpusPercentiles(runs: runs)
        // Tree order first; any path the P50 tree lacks follows, sorted, so none is lost.
        let treeOrder = percentiles.stagePathsInTreeOrder
        let rest = Set(percentiles.stages.keys).subtracting(treeOrder).sorted()
        let stages = (treeOrder + rest).compactMap { path in
            percentiles.stages[path].map { Stage(path: path, seconds: $0) }
        }
        self.init(
            kind: kind, createdAt: createdAt, config: config, recordingSetHash: recordingSetHash,
            total: percentiles.total,
            recordings: runs.map { Recording(path: $0.recording, totalSeconds: $0.totalSeconds) },
            stages: stages, verdict: verdict, perfbenchVersion: perfbenchVersion, gitCommit: gitCommit)
    }

    /// `date` as the history writes it: ISO-8601 in UTC to the second, e.g.
    /// `2026-05-01T09:30:00Z`.
    public static func timestamp(_ date: Date) -> String {
        // Calendar arithmetic in UTC rather than a formatter: no locale, no shared formatter
        // state across threads, the same text on every platform.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T"
            + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))Z"
    }
}
