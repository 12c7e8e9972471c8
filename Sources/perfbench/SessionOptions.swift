import ArgumentParser
import PerfbenchReplay

/// `--session N [--session-gap D]`: the same workflow N times in one warm pipeline session.
struct SessionOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Replay each recording N times in one pipeline session (1–100): runs 2…N find its caches warm, as a "
                + "user's next playlist does; reports add each run's figures and the cache hit rate of runs 2…N.",
            valueName: "n"))
    var session: Int = 1

    @Option(
        name: .customLong("session-gap"),
        help: ArgumentHelp(
            "Virtual time between the runs of a session, e.g. 10min (a cache entry whose TTL ends in it is cold "
                + "again); units ms, s, min, h, d; default 0.", valueName: "duration"))
    var gap: String = "0s"

    /// The gap, validated in `validate`.
    var gapDuration: Duration { Self.duration(gap) ?? .zero }

    func validate() throws {
        guard (1...100).contains(session) else { throw ValidationError("--session must be between 1 and 100, e.g. 3.") }
        guard Self.duration(gap) != nil else {
            throw ValidationError("--session-gap \(gap): write a duration of at most 30 days, e.g. 10min, 90s or 2h.")
        }
    }

    /// Puts the session into `options`.
    func apply(to options: inout ReplayOptions) {
        options.sessionRuns = session
        options.sessionGap = gapDuration
    }

    /// `90s`, `10min`, `2h`, `1.5d`, `250ms`, `30` (seconds); nil beyond 30 days or unreadable.
    static func duration(_ text: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 0.001), ("min", 60), ("s", 1), ("h", 3_600), ("d", 86_400)]
        let (number, scale) = units.first { text.hasSuffix($0.0) }.map { (String(text.dropLast($0.0.count)), $0.1) } ?? (text, 1)
        guard let value = Double(number), value.isFinite, value >= 0, value * scale <= 30 * 86_400 else { return nil }
        return .milliseconds(Int64((value * scale * 1_000).rounded()))
    }
}
