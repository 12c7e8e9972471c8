import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import Testing

/// Small hand-made recordings and comparison helpers.
enum Fixtures {
    static func header(_ name: String = "baseline") -> RecordingHeader {
        RecordingHeader(createdAt: "2025-11-07T10:00:00Z", configName: name, prompt: "test", userID: "u")
    }

    static func exchange(
        _ id: String, at seconds: Double, took duration: Double, _ service: Service = .spotify,
        _ url: String, status: Int? = 200, body: String = "{}", headers: [HTTPHeader] = [],
        outcome: Outcome = .ok, requestBody: String? = nil
    ) -> RecordingEvent {
        let method = service == .llm ? "POST" : "GET"
        return .exchange(
            Exchange(
                id: id, startMicros: Int(seconds * 1_000_000), durationMicros: Int(duration * 1_000_000),
                service: service, method: method, url: url, requestBody: requestBody,
                status: outcome == .ok ? status : nil, responseHeaders: headers,
                responseBody: outcome == .ok ? body : nil, outcome: outcome))
    }

    static func recording(_ events: [RecordingEvent]) -> Recording {
        var recording = Recording(header: header(), events: events)
        recording.sortEventsByStart()
        return recording
    }

    /// A chat-completions body of `task` with `input` as the user message.
    static func llmBody(_ task: String, _ input: String) -> String {
        #"{"messages":[{"role":"system","content":"task: \#(task)\nAnswer with one JSON object."},{"role":"user","content":"\#(input)"}],"model":"gpt-4o-mini"}"#
    }

    static func body(_ result: TransportResult) -> String? {
        if case .response(let response) = result { return response.body }
        return nil
    }

    static func status(_ result: TransportResult) -> Int? {
        if case .response(let response) = result { return response.status }
        return nil
    }

    /// Every recorded stage span has a replayed span of the same path (k-th with k-th) whose
    /// start and duration are within `tolerance` of it (relative, or 1 µs); spans under a
    /// second may instead differ by `shortSlackMicros`.
    static func expectSpansMatch(
        recorded: [StageSpan], replayed: [StageSpan], tolerance: Double = 0.005, shortSlackMicros: Int = 1,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        func grouped(_ spans: [StageSpan]) -> [String: [StageSpan]] {
            Dictionary(grouping: spans, by: \.path).mapValues { $0.sorted { $0.startMicros < $1.startMicros } }
        }
        let left = grouped(recorded)
        let right = grouped(replayed)
        #expect(Set(left.keys) == Set(right.keys), sourceLocation: sourceLocation)
        for path in left.keys.sorted() {
            let mine = left[path] ?? [], theirs = right[path] ?? []
            #expect(mine.count == theirs.count, "stage \(path)", sourceLocation: sourceLocation)
            for (a, b) in zip(mine, theirs) {
                let allowed = max(a.durationMicros < 1_000_000 ? shortSlackMicros : 1, Int(Double(a.durationMicros) * tolerance))
                #expect(abs(a.durationMicros - b.durationMicros) <= allowed, "stage \(path): \(a.durationMicros) vs \(b.durationMicros) µs", sourceLocation: sourceLocation)
                #expect(abs(a.startMicros - b.startMicros) <= max(allowed, Int(Double(a.startMicros) * tolerance)), "stage \(path) start", sourceLocation: sourceLocation)
            }
        }
    }
}
