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
