/// One run's total P95 in a configuration's trend.
public struct TrendPoint: Sendable, Equatable {
    /// The run's id.
    public var runID: Int64
    /// When it ran (ISO-8601 UTC).
    public var createdAt: String
    /// The total P95 over its recordings, in seconds.
    public var p95: Double
    /// The recording set it ran over: P95s of different sets do not compare.
    public var recordingSetHash: String

    /// Makes a trend point.
    public init(runID: Int64, createdAt: String, p95: Double, recordingSetHash: String) {
        self.runID = runID
        self.createdAt = createdAt
        self.p95 = p95
        self.recordingSetHash = recordingSetHash
    }
}
