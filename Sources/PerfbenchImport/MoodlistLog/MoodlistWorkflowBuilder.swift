import PerfbenchRecording

/// Rebuilds one workflow's recording from its log lines, fed in file order.
///
/// Time: offsets are microseconds from the `Started workflow` line. Only lines on the same clock as
/// that line are used for time (the backend logs UTC and local time through two formatters);
/// others count as "now". Timestamps arrive repaired (`MoodlistClockRepair`: excursions of the
/// log's clock moved back, time it lost in sleeps added back); what is still backwards is
/// clamped (a line never moves the clock back), and the log's own steps back are counted. Agent
/// durations are the agents' own `completed execution in` figures plus any time the clock lost
/// meanwhile; the seed-gathering steps span the lines that open them.
struct MoodlistWorkflowBuilder {
    let workflowID: String
    let clock: MoodlistLogLine.Clock
    let originMicros: Int64
    let firstLine: Int
    let startStamp: String
    var prompt: String
    var userID: String?
    var lastLine: Int
    private(set) var nowMicros = 0
    private(set) var backwardJumps = 0
    private(set) var largestBackwardJumpMicros = 0
    private var previousRawMicros: Int64?
    /// Time the log's clock lost in sleeps since the workflow started (added back to the lines).
    private(set) var lostMicros = 0
    /// `lostMicros` when each agent started.
    var agentLostAtStart: [String: Int] = [:]
    /// The workflow's total on the repaired clock: the printed total plus what the clock lost.
    var totalMicros: Int? { totalSeconds.map { micros($0) + totalLost } }
    private var totalLost = 0
    private(set) var totalSeconds: Double?
    var events: [RecordingEvent] = []
    var agentStarts: [String: Int] = [:]
    var seedBreakdown: [String: String] = [:]
    var generatorEnds: [Int] = []
    var iterationAt: Int?
    var orchestrationEnd: Int?
    var pending = MoodlistPendingRequests()
    var llmFacts = MoodlistLLMFacts()
    /// Ids asked and tracks found per ReccoBeats `/v1/track` exchange (`Getting N` / `retrieved M`).
    var reccoTrackCounts: [String: (asked: Int, found: Int)] = [:]
    var lastReccoTrackExchange: String?
    var featureBatches: [MoodlistFeatureBatch] = []
    /// What the response bodies need to know beyond each exchange (found counts, artist ids).
    var bodyFacts = MoodlistBodyFacts()
    /// The artist pipeline's album share per artist (`target: 1 top + 2 album`).
    var albumShares: [String: Int] = [:]
    /// The artist whose album listing arrived last (the sampling line after it does not name it).
    var albumArtist: String?
    /// Hybrid fetches sampling albums, by artist: several run at once under `parallel-artists`.
    var hybridOpen: [String: (start: Int, albums: Int, albumShare: Int)] = [:]
    /// A fetch's `… diverse tracks (… album: a)` line, waiting for the next line to name its artist.
    var hybridClosing: (picked: Int, end: Int, stage: String)?
    var hybridFetches: [MoodlistHybridFetch] = []
    var stage = "intent_analysis"
    /// LLM calls whose opening line has been seen, by task: when they started.
    var llmOpen: [String: Int] = [:]
    var inFinalProcessing = false
    var finalProcessingStart: Int?
    /// The end of the improvement loop's last regeneration.
    var improvementEnd: Int?
    var orderingStart: Int?
    var orderingEnd: Int?
    /// The log shows the anchor tie-breaking call (`✓ LLM selected N additional anchor tracks`).
    var anchorTieSeen = false
    var energyBatchLinesSeen = false
    /// Each generator run's artists (Spotify ids), in the order it fetched them.
    var generatorArtists: [[String]] = []
    /// Where each seed-gathering step started, from the line that opens it.
    var seedMarks: [String: Int] = [:]
    /// Figures the backend printed itself (agent durations, the seed breakdown, the total), by
    /// stage path: what the log says, before any repair of its clock.
    var printedSeconds: [String: Double] = [:]
    private var nextExchange = 1
    /// Retry events already split out of a slow request (by position in `events`).
    var claimedRetries = Set<Int>()
    /// Attempts a slow request lost to a timeout: how long each ran, and the slow line's number.
    var timedOutAttempts: [(micros: Int, line: Int)] = []

    init(workflowID: String, line: MoodlistLogLine, lineNumber: Int, prompt: String, userID: String?) {
        self.workflowID = workflowID
        self.clock = line.clock
        self.originMicros = line.timestampMicros ?? 0
        self.previousRawMicros = line.timestampMicros
        self.firstLine = lineNumber
        self.startStamp = line.timestampText
        self.lastLine = lineNumber
        self.prompt = prompt
        self.userID = userID
    }

    var isComplete: Bool { totalSeconds != nil }

    /// Advances the clock from a line's (repaired) timestamp, clamping what is still backwards;
    /// `rawMicros`, the timestamp as written, counts the log's own backward jumps.
    mutating func advance(_ line: MoodlistLogLine, rawMicros: Int64? = nil, lineNumber: Int) {
        lastLine = lineNumber
        guard let micros = line.timestampMicros, line.clock == clock else { return }
        if let rawMicros {
            if let previous = previousRawMicros, rawMicros < previous {
                backwardJumps += 1
                largestBackwardJumpMicros = max(largestBackwardJumpMicros, Int(previous - rawMicros))
            }
            previousRawMicros = rawMicros
        }
        nowMicros = max(nowMicros, Int(micros - originMicros))
        lostMicros += Int(line.lostMicros)
    }

    mutating func newExchangeID() -> String {
        defer { nextExchange += 1 }
        return "l\(nextExchange)"
    }

    mutating func finish(totalSeconds: Double) {
        self.totalSeconds = totalSeconds
        totalLost = lostMicros
    }

    /// The configuration a recording's header states, and where it came from.
    struct RecordedConfiguration {
        var name: String
        var phases: [String: String]
        var source: String
        var evidence: [ConfigEvidence]
    }

    /// The recording: observed events plus the stage spans derived from the gaps between markers.
    func recording(redactor: Redactor, configuration: RecordedConfiguration) -> Recording {
        var all = events + derivedSpans()
        if let totalMicros {
            all.append(.stage(StageSpan(name: "workflow", startMicros: 0, durationMicros: totalMicros)))
        }
        all += Self.betweenAgents(all, totalMicros: totalMicros)
        var facts = bodyFacts
        facts.reccoTrackCounts = reccoTrackCounts
        facts.generatorArtists = generatorArtists.first ?? []
        facts.hybridFetches = hybridFetches
        MoodlistResponseBodies.fill(&all, facts: facts)
        all += MoodlistFeatureBatch.inferredCalls(featureBatches, events: all)
        for var call in llmFacts.calls {
            call.content = resolvedLLMContent(call, events: all)
            all.append(
                .exchange(inferredLLMCall(task: call.task, start: call.start, duration: call.duration, stage: call.stage,
                    response: llmFacts.responseBody(for: call))))
        }
        Self.makeIDsUnique(&all)
        // Local stamps have no zone; ISO 8601 allows a zoneless local time, so keep it as such.
        let createdAt = startStamp.isEmpty ? "1970-01-01T00:00:00Z" : startStamp.replacingSpaceWithT()
        var recording = Recording(
            header: RecordingHeader(
                createdAt: createdAt, recorder: "perfbench \(PerfbenchVersion.current) import moodlist-log",
                configName: configuration.name, phases: configuration.phases, configSource: configuration.source,
                configEvidence: configuration.evidence, prompt: redactor.redactText(prompt), userID: userID),
            events: all)
        recording.sortEventsByStart()
        return recording
    }

    /// Spans no single line states but the markers bound: initial generation, the improvement
    /// loop, final processing and ordering. Marked `inferred` because their edges are log-line
    /// times, not measured durations.
    private func derivedSpans() -> [RecordingEvent] {
        var spans: [StageSpan] = []
        let base = "orchestration"
        func add(_ name: String, _ path: String, _ start: Int, _ end: Int) {
            guard end > start else { return }
            spans.append(StageSpan(name: name, path: path, startMicros: start, durationMicros: end - start, provenance: .inferred))
        }
        if let seedStart = agentStarts["seed_gatherer"], let firstEnd = generatorEnds.first {
            add("initial_generation", "\(base)/initial_generation", seedStart, firstEnd)
            // The loop ends where final processing starts (or, without that line, at the last
            // regeneration, else at the evaluation).
            let loopEnd = finalProcessingStart ?? improvementEnd ?? iterationAt ?? firstEnd
            add("iterative_improvement", "\(base)/iterative_improvement", firstEnd, loopEnd)
            if let iterationAt {
                add("quality_evaluation", "\(base)/iterative_improvement/quality_evaluation", firstEnd, iterationAt)
                if let improvementEnd {
                    add("improvement_strategies", "\(base)/iterative_improvement/improvement_strategies", iterationAt, improvementEnd)
                }
            }
            if let orchestrationEnd {
                add("final_processing", "\(base)/final_processing", loopEnd, orchestrationEnd)
            }
        }
        // Ordering is the ordering agent's own lines; the database writes around it (seconds in
        // the 2025-10-31 log) belong to no stage.
        if let orchestrationEnd, let totalMicros {
            let end = min(orderingEnd ?? totalMicros, totalMicros)
            add("playlist_ordering", "playlist_ordering", max(orchestrationEnd, orderingStart ?? orchestrationEnd), end)
        }
        return spans.map { .stage($0) }
    }

    /// Exchange ids must be unique (FORMAT.md); an inferred call's id is its task and start, which
    /// calls started together share (the energy-analysis batches): the second and later get
    /// `-2`, `-3`, … in event order.
    static func makeIDsUnique(_ events: inout [RecordingEvent]) {
        var seen: [String: Int] = [:]
        for position in events.indices {
            guard case .exchange(var exchange) = events[position] else { continue }
            let count = seen[exchange.id, default: 0] + 1
            seen[exchange.id] = count
            guard count > 1 else { continue }
            exchange.id += "-\(count)"
            events[position] = .exchange(exchange)
        }
    }

    /// The gaps between the top-level stages (intent, mood, orchestration, ordering) and after
    /// the last one, as observed `between_agents` spans: time the log shows the backend spent
    /// outside every agent (database writes, status updates, a token refresh), which a replay
    /// spends again. Gaps under a millisecond are rounding, not time.
    static func betweenAgents(_ events: [RecordingEvent], totalMicros: Int?) -> [RecordingEvent] {
        let order = ["intent_analysis", "mood_analysis", "orchestration", "playlist_ordering"]
        var spans: [String: (start: Int, end: Int)] = [:]
        for case .stage(let span) in events where order.contains(span.path) {
            let end = span.startMicros + span.durationMicros
            let known = spans[span.path]
            spans[span.path] = (min(known?.start ?? span.startMicros, span.startMicros), max(known?.end ?? end, end))
        }
        let present = order.compactMap { spans[$0] }
        var edges = zip(present, present.dropFirst()).map { (from: $0.end, to: $1.start) }
        if let last = present.last, let totalMicros { edges.append((from: last.end, to: totalMicros)) }
        return edges.filter { $0.to - $0.from >= 1_000 }.map { edge in
            .stage(StageSpan(name: StageSpan.betweenAgents, path: StageSpan.betweenAgents, startMicros: edge.from, durationMicros: edge.to - edge.from))
        }
    }

    /// `seconds` as microseconds, within ``TimeBounds`` (0 for what is not a time at all).
    func micros(_ seconds: Double) -> Int { TimeBounds.micros(seconds, unitMicros: 1_000_000) ?? (seconds > 0 ? TimeBounds.maxMicros : 0) }
}

extension String {
    fileprivate func replacingSpaceWithT() -> String {
        String(map { $0 == " " ? "T" : $0 })
    }
}
