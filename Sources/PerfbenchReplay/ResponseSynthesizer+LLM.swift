import PerfbenchPipeline
import PerfbenchRecording

/// LLM rules: a call beyond the recorded ones of its task gets the task's nearest recorded
/// answer (the last one, since it comes after all of them); a task the recording never
/// answered gets a minimal valid answer built from the call's own input:
/// - selections (`anchor_filter`, `anchor_finalize`, `seed_selection`, `artist_validation`):
///   the first `count` ids of the input (all when no count), i.e. "keep the order";
/// - `energy_analysis`: each input track with its `energy` feature (0.5 without one);
/// - evaluations: score 0.7, no issues; strategies: one neutral strategy (for
///   `improvement_strategy`, `filter_and_replace`, the pipeline's own fallback: a run that
///   decided to improve regenerates, as every recorded one did);
/// - `intent_analysis`, `anchor_mentions`: nothing mentioned; `anchor_scoring`: no scores and
///   `mood_analysis`: `{}`, so the pipeline takes its own documented fallback.
extension ResponseSynthesizer {
    func llm(_ request: HTTPRequest, key: RequestKey, seed: UInt64) -> String {
        if let recorded = catalogue.llmAnswers[key.task ?? ""]?.last { return recorded }
        return Self.envelope(Self.minimalAnswer(task: key.task, input: LLMUserInput(request: request)))
    }

    /// A chat-completions response whose message content is `answer`.
    static func envelope(_ answer: String) -> String {
        let message = JSONWriter.object([("role", #""assistant""#), ("content", JSONWriter.quoted(answer))])
        let choice = JSONWriter.object([("index", "0"), ("message", message), ("finish_reason", #""stop""#)])
        return JSONWriter.object([
            ("id", #""chatcmpl-replay""#), ("object", #""chat.completion""#),
            ("model", JSONWriter.quoted(LLMWire.defaultModel)), ("choices", JSONWriter.array([choice])),
        ])
    }

    /// The smallest answer of `task` that the pipeline reads as valid.
    static func minimalAnswer(task: String?, input: LLMUserInput?) -> String {
        let count = input?.count
        func ids(_ member: String) -> String {
            let all = (input?.offeredIDs(member) ?? []).compactMap { $0 }
            let kept = count.map { Array(all.prefix(max(0, $0))) } ?? all
            return JSONWriter.object([("ids", JSONWriter.array(kept.map(JSONWriter.quoted)))])
        }
        switch task.flatMap(LLMTask.init(rawValue:)) {
        case .intentAnalysis:
            return #"{"intent_type":"mood","mentioned_tracks":[],"mentioned_artists":[]}"#
        case .anchorMentions:
            return #"{"tracks":[],"artists":[]}"#
        case .anchorFilter, .anchorFinalize, .seedSelection:
            return ids("tracks")
        case .artistValidation:
            return ids("artists")
        case .anchorScoring:
            return #"{"scores":[]}"#
        case .qualityEvaluation, .finalEvaluation:
            return #"{"score":0.7,"issues":[]}"#
        case .anchorStrategy:
            return #"{"strategies":["balanced"],"reasoning":"synthesized by replay"}"#
        case .orderingStrategy:
            return #"{"strategies":["energy_arc"],"reasoning":"synthesized by replay"}"#
        case .improvementStrategy:
            return #"{"strategies":["filter_and_replace"],"reasoning":"synthesized by replay"}"#
        case .energyAnalysis:
            let rows = (input?.tracks ?? []).compactMap { track -> String? in
                guard let id = track.id else { return nil }
                let energy = track.features?["energy"] ?? 0.5
                return JSONWriter.object([("id", JSONWriter.quoted(id)), ("energy", JSONWriter.write(.double(energy)))])
            }
            return JSONWriter.object([("tracks", JSONWriter.array(rows))])
        case .moodAnalysis, nil:
            return "{}"
        }
    }

    /// The JSON object the user message carries (the last message's content).
    /// The user message of an LLM request body, parsed (the ``LLMRequestInput`` JSON).
    static func userInput(_ body: String) -> JSONValue? {
        guard let json = try? JSONValue.parse(body),
            let content = json["messages"]?.arrayValue?.last?["content"]?.stringValue
        else { return nil }
        return try? JSONValue.parse(content)
    }
}
