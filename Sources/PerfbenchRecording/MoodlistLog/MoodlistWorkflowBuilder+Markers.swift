import Foundation

/// Requests whose start line has been seen and whose completion line is awaited, keyed by what
/// both lines name (artist name, artist id, query); ReccoBeats `/v1/track` lines name nothing, so
/// they pair first-in, first-out.
struct MoodlistPendingRequests {
    var byKey: [String: (start: Int, stage: String)] = [:]
    var reccoTracks: [(start: Int, stage: String)] = []
    var reccoCounts: [Int] = []
    var featureStart: (start: Int, stage: String)?
}

extension MoodlistWorkflowBuilder {
    private static let agentStages: [String: (name: String, path: String)] = [
        "intent_analyzer": ("intent_analysis", "intent_analysis"),
        "mood_analyzer": ("mood_analysis", "mood_analysis"),
        "seed_gatherer": ("seed_gathering", "orchestration/initial_generation/seed_gathering"),
    ]

    /// The six seed-gathering steps in the order they run, with the breakdown field for each.
    private static let seedSteps: [(field: String, name: String)] = [
        ("search_user_tracks_seconds", "search_user_tracks"), ("select_anchors_seconds", "anchor_selection"),
        ("discover_artists_seconds", "artist_discovery"), ("fetch_top_tracks_seconds", "fetch_top_tracks"),
        ("fetch_top_artists_seconds", "fetch_top_artists"), ("build_seed_pool_seconds", "build_seed_pool"),
    ]

    /// Applies one line (already passed to `advance`); returns false when it matched no marker.
    @discardableResult
    mutating func apply(_ line: MoodlistLogLine, redactor: Redactor) -> Bool {
        let text = line.message
        let now = nowMicros
        if llmFacts.read(line) { return true }
        if let score = line.event.after("LLM assessment: quality=").flatMap(Self.leadingNumber) {
            // The evaluation call runs from the generator's end to this line.
            let start = min(generatorEnds.last ?? now, now)
            llmFacts.calls.append(("quality_evaluation", start, now - start))
            llmFacts.qualityScore = score
            return true
        }
        if let list = line.event.after("LLM strategy decision: ") {
            let start = min(iterationAt ?? now, now)
            llmFacts.calls.append(("improvement_strategy", start, now - start))
            llmFacts.strategies = MoodlistLLMFacts.pythonItems(list).map(\.key)
            return true
        }
        if let rest = text.after("Agent "), let name = rest.before(" starting execution") {
            agentStarts[name] = now
            if name == "recommendation_generator" {
                stage = generatorEnds.isEmpty ? "recommendation_generation" : "improvement_strategies"
            } else if let mapped = Self.agentStages[name] {
                stage = mapped.name
            }
            return true
        }
        if let rest = text.after("Agent "), let name = rest.before(" completed execution in "),
            let seconds = rest.after(" completed execution in ").flatMap(Self.leadingNumber)
        {
            completeAgent(name, seconds: seconds, now: now)
            return true
        }
        if text.hasPrefix("Seed gathering completed") {
            seedBreakdown = line.fields
            return true
        }
        if text.hasPrefix("Iteration "), text.contains("Overall score=") {
            iterationAt = now
            return true
        }
        if let rest = text.after("Rate limit reached for "), let tool = rest.before(", waiting "),
            let seconds = rest.after(", waiting ").flatMap(Self.leadingNumber)
        {
            events.append(.wait(Wait(kind: .window, tool: tool, startMicros: now, durationMicros: micros(seconds), stage: stage)))
            return true
        }
        if let rest = text.after("Enforcing minimum interval for "), let tool = rest.before(", waiting "),
            let seconds = rest.after(", waiting ").flatMap(Self.leadingNumber)
        {
            events.append(
                .wait(Wait(kind: .minInterval, tool: tool, startMicros: now, durationMicros: micros(seconds), stage: stage)))
            return true
        }
        if let rest = text.after("Timeout when calling "), let tool = rest.before(", retrying in "),
            let seconds = rest.after(", retrying in ").flatMap(Self.leadingNumber)
        {
            // Backoff is 0.5·2^n: 0.5 s before the second attempt, 1 s before the third.
            let attempt = seconds >= 1 ? 3 : 2
            events.append(
                .retry(Retry(tool: tool, startMicros: now, attempt: attempt, reason: .timeout, delayMicros: micros(seconds), stage: stage)))
            return true
        }
        if text.hasPrefix("Slow RecoBeat API request detected") {
            slowRequest(line, now: now, redactor: redactor)
            return true
        }
        if text.hasPrefix("Orchestration completed") {
            orchestrationEnd = now
            return true
        }
        return applyRequestLine(line, now: now, redactor: redactor)
    }

    private mutating func completeAgent(_ name: String, seconds: Double, now: Int) {
        guard let start = agentStarts[name] else { return }
        switch name {
        case "orchestrator":
            // Its own figure counts only from the last nested agent's start: use the line times.
            orchestrationEnd = orchestrationEnd ?? now
            events.append(.stage(StageSpan(name: "orchestration", startMicros: start, durationMicros: max(0, now - start))))
        case "recommendation_generator":
            let first = generatorEnds.isEmpty
            let path = first
                ? "orchestration/initial_generation/recommendation_generation"
                : "orchestration/iterative_improvement/improvement_strategies"
            let name = first ? "recommendation_generation" : "improvement_strategies"
            events.append(.stage(StageSpan(name: name, path: path, startMicros: start, durationMicros: micros(seconds))))
            generatorEnds.append(start + micros(seconds))
            stage = "quality_evaluation"
        case "seed_gatherer":
            events.append(
                .stage(StageSpan(name: "seed_gathering", path: "orchestration/initial_generation/seed_gathering",
                    startMicros: start, durationMicros: micros(seconds))))
            var cursor = start
            for step in Self.seedSteps {
                guard let value = seedBreakdown[step.field].flatMap(Double.init) else { continue }
                events.append(
                    .stage(StageSpan(name: step.name, path: "orchestration/initial_generation/seed_gathering/\(step.name)",
                        startMicros: cursor, durationMicros: micros(value))))
                cursor += micros(value)
            }
        default:
            guard let mapped = Self.agentStages[name] else { return }
            events.append(.stage(StageSpan(name: mapped.name, path: mapped.path, startMicros: start, durationMicros: micros(seconds))))
            // Intent and mood analysis are one LLM call each (PIPELINE.md §3) and nothing else
            // slow, so the call takes the agent's span: inferred, but fitted to the observed figure.
            // The answer bodies are written at the end, once the log has shown what they held.
            llmFacts.calls.append((mapped.name, start, micros(seconds)))
        }
    }

    private mutating func slowRequest(_ line: MoodlistLogLine, now: Int, redactor: Redactor) {
        let duration = micros(line.fields["duration_seconds"].flatMap(Double.init) ?? 0)
        let endpoint = line.fields["endpoint"] ?? "/"
        let query = MoodlistURL.query(fromParams: line.fields["params"] ?? "")
        let url = "https://api.reccobeats.com" + (endpoint.hasPrefix("/") ? endpoint : "/" + endpoint)
            + (query.isEmpty ? "" : "?" + query)
        events.append(
            .exchange(Exchange(id: newExchangeID(), startMicros: max(0, now - duration), durationMicros: duration,
                service: .reccobeats, method: "GET", url: redactor.redactText(url), status: 200,
                tool: line.fields["tool"], stage: stage)))
    }

    /// A chat-completions call of `task`, keyed for replay by the `task:` line its system message
    /// starts with; without `response` the replayed pipeline takes its documented fallback.
    func inferredLLMCall(
        task: String, start: Int, duration: Int, stage: String, provenance: Provenance = .inferred,
        response: String? = nil
    ) -> Exchange {
        let body = #"{"messages":[{"role":"system","content":"task: "# + task + #""},{"role":"user","content":"{}"}]}"#
        return Exchange(
            id: "\(task)-\(start)", startMicros: start, durationMicros: duration, service: .llm, method: "POST",
            url: "https://llm.invalid/v1/chat/completions", requestBody: body, status: 200, responseBody: response, tool: "llm", stage: stage,
            provenance: provenance)
    }

    static func leadingNumber(_ text: String) -> Double? {
        Double(String(text.prefix { $0.isNumber || $0 == "." }))
    }
}

extension String {
    /// The text after the first occurrence of `marker`, or nil.
    func after(_ marker: String) -> String? {
        guard let range = range(of: marker) else { return nil }
        return String(self[range.upperBound...])
    }

    /// The text before the first occurrence of `marker`, or nil.
    func before(_ marker: String) -> String? {
        guard let range = range(of: marker) else { return nil }
        return String(self[..<range.lowerBound])
    }
}
