/// Rebuilds one workflow's recording from its log lines, fed in file order.
///
/// Time: offsets are microseconds from the `Started workflow` line. Only lines on the same clock as
/// that line are used for time (the backend logs UTC and local time through two formatters);
/// others count as "now". Timestamps that jump backwards (seen: up to 7 s, from concurrent
/// workers' buffered output) are clamped monotonically: a line never moves the clock back, and
/// the jumps are counted. Agent durations come from the agents' own `completed execution in`
/// figures, which are exact, rather than from timestamp differences.
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
    var stage = "intent_analysis"
    private var nextExchange = 1

    init(workflowID: String, line: MoodlistLogLine, lineNumber: Int, prompt: String, userID: String?) {
        self.workflowID = workflowID
        self.clock = line.clock
        self.originMicros = line.timestampMicros ?? 0
        self.firstLine = lineNumber
        self.startStamp = line.timestampText
        self.lastLine = lineNumber
        self.prompt = prompt
        self.userID = userID
    }

    var isComplete: Bool { totalSeconds != nil }

    /// Advances the clock from a line's timestamp, clamping backward jumps.
    mutating func advance(_ line: MoodlistLogLine, lineNumber: Int) {
        lastLine = lineNumber
        guard let micros = line.timestampMicros, line.clock == clock else { return }
        let offset = Int(micros - originMicros)
        if offset < nowMicros {
            backwardJumps += 1
            largestBackwardJumpMicros = max(largestBackwardJumpMicros, nowMicros - offset)
        } else {
            nowMicros = offset
        }
    }

    mutating func newExchangeID() -> String {
        defer { nextExchange += 1 }
        return "l\(nextExchange)"
    }

    mutating func finish(totalSeconds: Double) {
        self.totalSeconds = totalSeconds
    }

    /// The recording: observed events plus the stage spans derived from the gaps between markers.
    func recording(redactor: Redactor) -> Recording {
        var all = events + derivedSpans()
        for call in llmFacts.calls {
            all.append(
                .exchange(inferredLLMCall(task: call.task, start: call.start, duration: call.duration, stage: call.task,
                    response: llmFacts.responseBody(task: call.task))))
        }
        if let totalSeconds {
            all.append(.stage(StageSpan(name: "workflow", startMicros: 0, durationMicros: micros(totalSeconds))))
        }
        // Local stamps have no zone; ISO 8601 allows a zoneless local time, so keep it as such.
        MoodlistResponseBodies.fill(&all, reccoTrackCounts: reccoTrackCounts)
        all += MoodlistFeatureBatch.inferredCalls(featureBatches, events: all)
        let createdAt = startStamp.isEmpty ? "1970-01-01T00:00:00Z" : startStamp.replacingSpaceWithT()
        var recording = Recording(
            header: RecordingHeader(
                createdAt: createdAt, recorder: "perfbench \(PerfbenchVersion.current) import moodlist-log",
                configName: "baseline", prompt: redactor.redactText(prompt), userID: userID),
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
            let loopEnd = generatorEnds.count > 1 ? (generatorEnds.last ?? firstEnd) : (iterationAt ?? firstEnd)
            add("iterative_improvement", "\(base)/iterative_improvement", firstEnd, loopEnd)
            if let iterationAt {
                add("quality_evaluation", "\(base)/iterative_improvement/quality_evaluation", firstEnd, iterationAt)
            }
            if let orchestrationEnd {
                add("final_processing", "\(base)/final_processing", loopEnd, orchestrationEnd)
            }
        }
        if let orchestrationEnd, let totalSeconds {
            add("playlist_ordering", "playlist_ordering", orchestrationEnd, micros(totalSeconds))
        }
        return spans.map { .stage($0) }
    }

    func micros(_ seconds: Double) -> Int { Int((seconds * 1_000_000).rounded()) }
}

extension String {
    fileprivate func replacingSpaceWithT() -> String {
        String(map { $0 == " " ? "T" : $0 })
    }
}
