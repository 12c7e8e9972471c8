import PerfbenchReport

/// One run as the history keeps it: what ran, under which configuration, over which recordings,
/// how long it took (totals, per recording and per stage) and what the verdict was.
///
/// The library never reads the clock: `createdAt` comes from the caller, so tests and replays
/// of the harness itself stay deterministic.
public struct RunEntry: Sendable, Equatable {
    /// One recording's workflow total in the run.
    public struct Recording: Sendable, Equatable {
        /// The recording as the command line named it, e.g. `Recordings/x.jsonl.gz`.
        public var path: String
        /// Its workflow wall time on the virtual clock, in seconds.
        public var totalSeconds: Double

        /// Makes a recording total.
        public init(path: String, totalSeconds: Double) {
            self.path = path
            self.totalSeconds = totalSeconds
        }
    }

    /// One stage's percentiles over the run's recordings.
    public struct Stage: Sendable, Equatable {
        /// The stage path, e.g. `orchestration/initial_generation`.
        public var path: String
        /// Its P50/P95/P99 in seconds; `count` is the run's recording count.
        public var seconds: PercentileSummary

        /// Makes a stage summary.
        public init(path: String, seconds: PercentileSummary) {
            self.path = path
            self.seconds = seconds
        }
    }

    /// Which command made the run.
    public var kind: RunKind
    /// When it ran, ISO-8601 in UTC, e.g. `2026-05-01T09:30:00Z` (see ``timestamp(_:)``).
    public var createdAt: String
    /// The configuration: its name and every toggle's value.
    public var config: RunConfig
    /// The ``RecordingSetHash`` of the recordings replayed.
    public var recordingSetHash: String
    /// How many recordings the run replayed.
    public var recordingCount: Int
    /// P50/P95/P99 of the workflow total over the recordings, in seconds.
    public var total: PercentileSummary
    /// Each recording's total, in the order replayed (may be empty when only totals are known).
    public var recordings: [Recording]
    /// Each stage's percentiles, in tree order.
    public var stages: [Stage]
    /// The verdict, for runs that have one (a gate's `pass` or `regression`).
    public var verdict: String?
    /// The perfbench version that ran it.
    public var perfbenchVersion: String
    /// The git commit checked out when it ran, when known.
    public var gitCommit: String?

    /// Makes an entry. `recordingCount` defaults to the number of recordings, and every
    /// summary's `count` is set to it, so an entry reads back equal to what was written.
    public init(
        kind: RunKind, createdAt: String, config: RunConfig, recordingSetHash: String,
        recordingCount: Int? = nil, total: PercentileSummary, recordings: [Recording], stages: [Stage],
        verdict: String? = nil, perfbenchVersion: String, gitCommit: String? = nil
    ) {
        let count = recordingCount ?? recordings.count
        self.kind = kind
        self.createdAt = createdAt
        self.config = config
        self.recordingSetHash = recordingSetHash
        self.recordingCount = count
        self.total = total
        self.total.count = count
        self.recordings = recordings
        self.stages = stages.map { stage in
            var stage = stage
            stage.seconds.count = count
            return stage
        }
        self.verdict = verdict
        self.perfbenchVersion = perfbenchVersion
        self.gitCommit = gitCommit
    }

    /// Checks what SQLite would otherwise turn into a half-meaningful row: non-finite or
    /// negative times (SQLite stores NaN as NULL), a timestamp that would not sort, empty
    /// names, duplicate stage paths.
    ///
    /// - Throws: ``StoreError/invalidEntry(reason:)`` naming the first problem.
    public func validate() throws {
        func check(_ condition: Bool, _ reason: @autoclosure () -> String) throws {
            if !condition { throw StoreError.invalidEntry(reason: reason()) }
        }
        try check(Self.isTimestamp(createdAt), "created_at is not ISO-8601 UTC like 2026-05-01T09:30:00Z")
        try check(!config.name.isEmpty, "the configuration has no name")
        try check(!recordingSetHash.isEmpty, "the recording-set hash is empty")
        try check(!perfbenchVersion.isEmpty, "the perfbench version is empty")
        try check(recordingCount >= 0, "the recording count is negative")
        try check(Self.isTime(total), "a total percentile is not a finite, non-negative number of seconds")
        for recording in recordings {
            try check(!recording.path.isEmpty, "a recording has an empty path")
            try check(
                recording.totalSeconds.isFinite && recording.totalSeconds >= 0,
                "recording \(recording.path) has a total that is not a finite, non-negative number of seconds")
        }
        var seen = Set<String>()
        for stage in stages {
            try check(!stage.path.isEmpty, "a stage has an empty path")
            try check(seen.insert(stage.path).inserted, "stage \(stage.path) is listed twice")
            try check(
                Self.isTime(stage.seconds),
                "stage \(stage.path) has a percentile that is not a finite, non-negative number of seconds")
        }
    }

    /// Whether all three percentiles are finite and not negative.
    private static func isTime(_ summary: PercentileSummary) -> Bool {
        [summary.p50, summary.p95, summary.p99].allSatisfy { $0.isFinite && $0 >= 0 }
    }

    /// Whether `text` is `YYYY-MM-DDTHH:MM:SS`, optionally with a fraction, then `Z`: the form
    /// that sorts by time as text, which the listing order relies on.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let pattern = Array("dddd-dd-ddTdd:dd:dd".utf8)
        guard bytes.count >= pattern.count + 1, bytes.last == UInt8(ascii: "Z") else { return false }
        for (byte, expected) in zip(bytes, pattern) {
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard expected == UInt8(ascii: "d") ? isDigit : byte == expected else { return false }
        }
        let rest = bytes[pattern.count..<(bytes.count - 1)]
        guard let dot = rest.first else { return true }
        return dot == UInt8(ascii: ".") && rest.count > 1
            && rest.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
