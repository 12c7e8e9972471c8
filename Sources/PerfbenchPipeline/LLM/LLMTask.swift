import PerfbenchRecording

/// The questions the workflow asks the LLM. Every chat-completions request names its task on the
/// first line of the system message (`task: intent_analysis`) and sends its inputs as a JSON
/// object in the user message; the answer is one JSON object whose shape the matching
/// `LLMAnswers` type describes. Simulated and replayed LLMs rely on that first line.
public enum LLMTask: String, Sendable, CaseIterable, Codable {
    /// Intent: mentioned tracks and artists, primary genre. Answer: ``IntentAnswer``.
    case intentAnalysis = "intent_analysis"
    /// Mood: feature targets and weights, genres, suggested artists. Answer: ``MoodAnswer``.
    case moodAnalysis = "mood_analysis"
    /// Anchor selection, first call: tracks and artists the prompt mentions. Answer: ``MentionAnswer``.
    case anchorMentions = "anchor_mentions"
    /// Anchor candidates to keep. Answer: ``SelectionAnswer`` (ids).
    case anchorFilter = "anchor_filter"
    /// How to pick anchors. Answer: ``StrategyAnswer``.
    case anchorStrategy = "anchor_strategy"
    /// Scores for anchor candidates. Answer: ``ScoresAnswer``.
    case anchorScoring = "anchor_scoring"
    /// The final anchor list when scoring left ties. Answer: ``SelectionAnswer``.
    case anchorFinalize = "anchor_finalize"
    /// Which discovered artists fit the mood. Answer: ``SelectionAnswer`` (artist ids).
    case artistValidation = "artist_validation"
    /// Seeds for the recommendation chunks. Answer: ``SelectionAnswer`` (track ids).
    case seedSelection = "seed_selection"
    /// A 0–1 score of the playlist. Answer: ``EvaluationAnswer``.
    case qualityEvaluation = "quality_evaluation"
    /// Improvement strategies to apply. Answer: ``StrategyAnswer`` (several names).
    case improvementStrategy = "improvement_strategy"
    /// The final evaluation before ordering. Answer: ``EvaluationAnswer``.
    case finalEvaluation = "final_evaluation"
    /// Energy analysis of a batch of tracks. Answer: ``EnergyAnswer``.
    case energyAnalysis = "energy_analysis"
    /// The ordering strategy over the analysed tracks. Answer: ``StrategyAnswer``.
    case orderingStrategy = "ordering_strategy"

    /// The position of the case in ``allCases``, for tables indexed by task (read for every
    /// LLM body written: the cases are listed once, not for each read).
    var ordinal: Int { Self.listed.firstIndex(of: self) ?? 0 }
    private static let listed = allCases

    /// The stage a call of this task belongs to when no other is running (for reports).
    public var systemLine: String { "task: \(rawValue)" }

    /// Reads the task named on the first line of a chat-completions request's system message.
    public static func named(inSystemMessage text: String) -> LLMTask? {
        guard let firstLine = text.split(separator: "\n", maxSplits: 1).first,
            firstLine.hasPrefix("task: ")
        else { return nil }
        return LLMTask(rawValue: String(firstLine.dropFirst("task: ".count)))
    }
}

/// The wire shape of an LLM call (OpenAI-compatible chat completions):
///
/// request `POST /v1/chat/completions`, body
/// `{"model": M, "temperature": 0.25, "response_format": {"type": "json_object"},
///   "messages": [{"role": "system", "content": "task: <task>\n<instructions>"},
///                {"role": "user", "content": "<LLMRequestInput as JSON>"}]}`
///
/// response `{"id": "chatcmpl-…", "object": "chat.completion", "model": M,
///   "choices": [{"index": 0, "message": {"role": "assistant", "content": "<answer JSON>"},
///                "finish_reason": "stop"}],
///   "usage": {"prompt_tokens": P, "completion_tokens": C, "total_tokens": P + C}}`
public enum LLMWire {
    /// The chat-completions path.
    public static let path = "/v1/chat/completions"
    /// The model name the pipeline asks for.
    public static let defaultModel = "gpt-4o-mini"
    /// The sampling temperature the backend uses.
    public static let temperature = 0.25

    /// The message content of a chat-completions answer (`choices[0].message.content`), read in
    /// place.
    public static func content(of envelope: JSONNode?) -> String? {
        envelope?["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue
    }

    /// The message content of a response's body, read in place (the transport's layout when it
    /// has one): no tree of the envelope is built for one string in it.
    public static func content(of response: HTTPResponse) -> String? {
        content(of: response.jsonNode)
    }

    /// A chat-completions response's answer: its message content parsed as JSON, the
    /// transport's parse when it has one (worked out once per recorded body).
    public static func answer(of response: HTTPResponse) -> JSONValue? {
        if let parsed = response.parsedBody { return parsed.llmAnswer }
        return content(of: response).flatMap { try? JSONValue.parse($0) }
    }
}
