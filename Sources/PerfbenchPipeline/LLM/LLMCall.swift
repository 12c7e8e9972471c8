/// One chat-completions call as values: its task and its input. The pipeline's LLM requests
/// carry it, so that a replay reads what a call asks (its task, its tracks, its count) from the
/// values instead of parsing its body back; ``body`` renders the bytes a live call sends and a
/// replay compares with recorded bodies.
public struct LLMCall: Sendable, Hashable {
    public let task: LLMTask
    public let input: LLMRequestInput

    public init(task: LLMTask, input: LLMRequestInput) {
        self.task = task
        self.input = input
    }

    /// The request body the call sends (the system line names the task; the user message is
    /// the input with sorted keys).
    public var body: String { LLMClient.body(task, input) }
}

extension LLMRequestInput {
    /// The input as a parser reads it back from the written user message: every number rounded
    /// to the four decimals it is written with (what the simulated judge and the replay's
    /// answer models read of a request).
    public var asWritten: LLMRequestInput {
        var copy = self
        copy.quality = quality.map(Self.readBack)
        copy.tracks = tracks?.map { track in
            var track = track
            track.features = track.features.map(Self.readBack)
            return track
        }
        return copy
    }

    private static func readBack(_ numbers: [String: Double]) -> [String: Double] {
        numbers.mapValues(JSONBytes.readBack)
    }
}
