/// A run read back from the history: its id and everything that was recorded.
public struct StoredRun: Sendable, Equatable {
    /// The run's id, increasing in the order runs were recorded.
    public var id: Int64
    /// What was recorded.
    public var entry: RunEntry

    /// Makes a stored run.
    public init(id: Int64, entry: RunEntry) {
        self.id = id
        self.entry = entry
    }
}
