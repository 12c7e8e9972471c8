import PerfbenchRecording

import Foundation

/// Requests whose start line has been seen and whose completion line is awaited, keyed by what
/// both lines name (artist name, artist id, query); ReccoBeats `/v1/track` lines name nothing, so
/// they pair first-in, first-out.
struct MoodlistPendingRequests {
    var byKey: [String: (start: Int, stage: String)] = [:]
    var reccoTracks: [(start: Int, stage: String)] = []
    var reccoCounts: [Int] = []
    var featureStart: (start: Int, stage: String, parallel: Bool)?
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

    /// The seed-gathering step a line starts, by the line the backend writes as the step begins.
    private static func seedStepOpening(_ event: String) -> String? {
        if event.hasPrefix("Selecting anchor tracks") { return "anchor_selection" }
        if event.hasPrefix("Discovering artists") { return "artist_discovery" }
        if event.hasPrefix("Getting top "), event.contains(" tracks for user") { return "fetch_top_tracks" }
        if event.hasPrefix("Getting top "), event.contains(" artists for user") { return "fetch_top_artists" }
        if event.hasPrefix("Building seed pool") { return "build_seed_pool" }
        return nil
    }

    /// Applies one line (already passed to `advance`); returns false when it matched no marker.
    @discardableResult
    mutating func apply(_ line: MoodlistLogLine, redactor: Redactor) -> Bool {
        let text = line.message
        let now = nowMicros
        if llmFacts.read(line) { return true }
        if applyLLMLine(line, now: now) { return true }
        if let step = Self.seedStepOpening(line.event) {
            seedMarks[step] = seedMarks[step] ?? now
            stage = step
        }
        if let rest = line.event.after("Fetching hybrid tracks for artist ") ?? line.event.after("Fetching top tracks for artist "),
            let id = rest.after(": ").map({ String($0.prefix { $0 != " " }) }), rest.before("/").flatMap({ Int($0) }) != nil
        {
            // One generator run's artists, in the order it went through them.
            if rest.hasPrefix("1/") || generatorArtists.isEmpty { generatorArtists.append([]) }
            generatorArtists[generatorArtists.count - 1].append(id)
        }
        if text.hasPrefix("Completed energy analysis batch") { energyBatchLinesSeen = true }
        if text.hasPrefix("Starting playlist ordering") {
            orderingStart = now
            stage = "playlist_ordering"
        }
        if text.hasPrefix("Starting final processing") { stage = "final_processing" }
        if text.hasPrefix("Playlist ordering complete") { orderingEnd = now }
        if let rest = text.after("Agent "), let name = rest.before(" starting execution") {
            agentStarts[name] = now
            agentLostAtStart[name] = lostMicros
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
            slowRequest(line, now: now, redactor: redactor, lineNumber: lastLine)
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
        // The printed figure, plus what the log's clock lost in sleeps meanwhile.
        let lost = lostMicros - (agentLostAtStart[name] ?? lostMicros)
        let span = micros(seconds) + lost
        switch name {
        case "orchestrator":
            // Its own figure counts only from the last nested agent's start: use the line times.
            orchestrationEnd = orchestrationEnd ?? now
            events.append(.stage(StageSpan(name: "orchestration", startMicros: start, durationMicros: max(0, now - start))))
        case "recommendation_generator":
            // The first run is initial generation's; later ones are the improvement loop's
            // regenerations (final processing's top-up run comes after `Starting final processing`).
            let path: String
            if generatorEnds.isEmpty {
                path = "orchestration/initial_generation/recommendation_generation"
            } else if inFinalProcessing {
                path = "orchestration/final_processing/recommendation_generation"
            } else {
                path = "orchestration/iterative_improvement/improvement_strategies/recommendation_generation"
            }
            events.append(
                .stage(StageSpan(name: "recommendation_generation", path: path, startMicros: start, durationMicros: span)))
            printedSeconds[path] = (printedSeconds[path] ?? 0) + seconds
            generatorEnds.append(start + span)
            if generatorEnds.count > 1, !inFinalProcessing { improvementEnd = start + span }
            stage = inFinalProcessing ? "final_processing" : "quality_evaluation"
        case "seed_gatherer":
            let end = start + span
            let base = "orchestration/initial_generation/seed_gathering"
            events.append(.stage(StageSpan(name: "seed_gathering", path: base, startMicros: start, durationMicros: span)))
            printedSeconds[base] = seconds
            for step in Self.seedSteps {
                if let value = seedBreakdown[step.field].flatMap(Double.init) { printedSeconds[base + "/" + step.name] = value }
            }
            // The steps' edges are the lines that start them (on the repaired clock); the printed
            // breakdown is used when the log lacks them.
            let marks = Self.seedSteps.compactMap { step in seedMarks[step.name].map { (step.name, $0) } }
            if marks.count >= 4 {
                let edges = marks.map(\.1) + [end]
                if let first = marks.first, first.1 > start {
                    events.append(
                        .stage(StageSpan(name: "search_user_tracks", path: base + "/search_user_tracks", startMicros: start,
                            durationMicros: first.1 - start, provenance: .inferred)))
                }
                for (index, mark) in marks.enumerated() {
                    let from = min(max(edges[index], start), end)
                    let to = min(max(edges[index + 1], from), end)
                    events.append(
                        .stage(StageSpan(name: mark.0, path: base + "/" + mark.0, startMicros: from, durationMicros: to - from,
                            provenance: .inferred)))
                }
            } else {
                var cursor = start
                for step in Self.seedSteps {
                    guard let value = seedBreakdown[step.field].flatMap(Double.init) else { continue }
                    events.append(
                        .stage(StageSpan(name: step.name, path: base + "/" + step.name, startMicros: cursor,
                            durationMicros: micros(value))))
                    cursor += micros(value)
                }
            }
        default:
            guard let mapped = Self.agentStages[name] else { return }
            events.append(.stage(StageSpan(name: mapped.name, path: mapped.path, startMicros: start, durationMicros: span)))
            printedSeconds[mapped.path] = seconds
            // Intent and mood analysis are one LLM call each (PIPELINE.md §3) and nothing else
            // slow, so the call takes the agent's span: inferred, but fitted to the observed figure.
            // The answer bodies are written at the end, once the log has shown what they held.
            llmFacts.calls.append(MoodlistLLMCall(task: mapped.name, start: start, duration: span, stage: mapped.name))
        }
    }

    /// A slow request the backend logged with its total duration. Its time spans every attempt:
    /// when the same tool logged `Timeout when calling …, retrying in B s` inside that time, the
    /// request was retried, so it becomes one timed-out exchange per failed attempt (ending at
    /// its retry line) and a successful last attempt (after the last backoff), each with its
    /// own latency, as a replay's retries ask for them.
    private mutating func slowRequest(_ line: MoodlistLogLine, now: Int, redactor: Redactor, lineNumber: Int) {
        let duration = micros(line.fields["duration_seconds"].flatMap(Double.init) ?? 0)
        let endpoint = line.fields["endpoint"] ?? "/"
        let query = MoodlistURL.query(fromParams: line.fields["params"] ?? "")
        let url = redactor.redactText(
            "https://api.reccobeats.com" + (endpoint.hasPrefix("/") ? endpoint : "/" + endpoint)
                + (query.isEmpty ? "" : "?" + query))
        let tool = line.fields["tool"]
        let start = max(0, now - duration)
        var attemptStart = start
        for position in events.indices {
            guard case .retry(let retry) = events[position], retry.reason == .timeout, retry.tool == tool,
                retry.startMicros > attemptStart, retry.startMicros <= now, !claimedRetries.contains(position)
            else { continue }
            claimedRetries.insert(position)
            let attempt = retry.startMicros - attemptStart
            timedOutAttempts.append((micros: attempt, line: lineNumber))
            events.append(
                .exchange(Exchange(id: newExchangeID(), startMicros: attemptStart, durationMicros: attempt,
                    service: .reccobeats, method: "GET", url: url, outcome: .timeout, tool: tool, stage: stage)))
            attemptStart = min(now, retry.startMicros + retry.delayMicros)
        }
        events.append(
            .exchange(Exchange(id: newExchangeID(), startMicros: attemptStart, durationMicros: now - attemptStart,
                service: .reccobeats, method: "GET", url: url, status: 200, tool: tool, stage: stage)))
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
        // Nothing a log line counts or times comes near 10⁷ (115 days in seconds); a number
        // beyond is a damaged line, read as not matching rather than trapping downstream.
        guard let value = Double(String(text.prefix { $0.isNumber || $0 == "." })), value.isFinite, value <= 10_000_000
        else { return nil }
        return value
    }

    /// The most tracks, albums, artists or batches a log line is believed to count: the backend
    /// handles hundreds at most, and the importer does work per counted item.
    static let maximumCount = 10_000

    /// The whole number `text` starts with, when it is a plausible count (≤ ``maximumCount``).
    static func count<Text: StringProtocol>(_ text: Text) -> Int? {
        guard let value = Int(text.prefix { $0.isNumber }), value <= maximumCount else { return nil }
        return value
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
