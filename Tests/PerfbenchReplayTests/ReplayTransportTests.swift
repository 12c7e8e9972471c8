import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime
import Testing

@testable import PerfbenchReplay

/// Matching, FIFO order, timeouts and strictness of the transport on hand-made recordings.
@Suite struct ReplayTransportTests {
    static let trackURL = "https://api.reccobeats.com/v1/track?ids=a,b,c"

    static func request(_ path: String, _ query: [(String, String)] = [], service: Service = .reccobeats) -> HTTPRequest {
        HTTPRequest(service: service, path: path, query: query.map { HTTPRequest.QueryItem($0.0, $0.1) }, tool: "test")
    }

    @Test func concurrentIdenticalRequestsGetTheRecordedAnswersInRecordedOrder() throws {
        // Three identical requests started together; the file lists them by finish, not send.
        let recording = Fixtures.recording([
            Fixtures.exchange("x3", at: 0, took: 0.5, .reccobeats, Self.trackURL, body: "third"),
            Fixtures.exchange("x1", at: 0, took: 2, .reccobeats, Self.trackURL, body: "first"),
            Fixtures.exchange("x2", at: 0, took: 1, .reccobeats, Self.trackURL, body: "second"),
        ])
        let run = try VirtualTime.run { clock in
            // The rate-limit model would refuse the fourth send (three were recorded at once).
            let transport = ReplayTransport(recording: recording, clock: clock, options: ReplayOptions(rateLimits: false))
            let request = Self.request("/v1/track", [("ids", "c,a,b")])
            let answers = try await withThrowingTaskGroup(of: (Int, String?, Double).self) { group in
                for slot in 0..<4 {
                    // Sends happen in slot order: each task starts only after the previous.
                    try await clock.sleep(for: .zero)
                    group.addTask {
                        let start = clock.now
                        let result = try await transport.send(request, timeout: .seconds(30))
                        return (slot, Fixtures.body(result), (clock.now.offset - start.offset).seconds)
                    }
                    await Task.yield()
                }
                var all: [(Int, String?, Double)] = []
                for try await answer in group { all.append(answer) }
                return all.sorted { $0.0 < $1.0 }
            }
            return (answers, transport.counters)
        }
        let (answers, counters) = run.value
        // The fourth reuses the key's last recorded answer.
        #expect(answers.map(\.1) == ["first", "second", "third", "third"])
        #expect(answers.map(\.2) == [2, 1, 0.5, 0.5])
        #expect(counters.exact == 3)
        #expect(counters.composed == 1)
        #expect(counters.reused == 1)
    }

    @Test func queryOrderAndIDListOrderDoNotMatter() throws {
        let recording = Fixtures.recording([
            Fixtures.exchange(
                "x1", at: 0, took: 0.3, .reccobeats,
                "https://api.reccobeats.com/v1/track/recommendation?size=5&seeds=s2,s1&energy=0.4", body: "rec"),
            Fixtures.exchange("x2", at: 1, took: 0.2, .spotify, "https://api.spotify.com/v1/search?q=genre%3Adream%20pop&type=track&limit=15", body: "search"),
        ])
        let run = try VirtualTime.run { clock in
            let transport = ReplayTransport(recording: recording, clock: clock)
            let recommendation = try await transport.send(
                Self.request("/v1/track/recommendation", [("seeds", "s1,s2"), ("size", "5"), ("energy", "0.4")]),
                timeout: .seconds(30))
            let search = try await transport.send(
                Self.request("/v1/search", [("type", "track"), ("limit", "15"), ("q", "genre:dream pop")], service: .spotify),
                timeout: .seconds(30))
            return (Fixtures.body(recommendation), Fixtures.body(search), transport.counters)
        }
        #expect(run.value.0 == "rec")
        #expect(run.value.1 == "search")
        #expect(run.value.2.exact == 2)
    }

    @Test func aQueryAlreadyInOrderKeysLikeTheSameQueryInAnyOther() {
        // Names in byte order, one id: kept as they come. Every other order, repeated lists
        // and unsorted lists normalize to the same key; byte order, not String order, decides
        // (the e-acute sorts after every ASCII letter).
        func key(_ query: [(String, String)]) -> RequestKey {
            RequestKey(HTTPRequest(service: .spotify, path: "/v1/x", query: query.map { HTTPRequest.QueryItem($0.0, $0.1) }, tool: "t"))
        }
        let inOrder = key([("ids", "a"), ("limit", "5"), ("z", "1"), ("\u{E9}", "2")])
        #expect(RequestKey.isNormalized(inOrder.query))
        #expect(inOrder == key([("\u{E9}", "2"), ("z", "1"), ("limit", "5"), ("ids", "a")]))
        #expect(inOrder.query.map(\.name) == ["ids", "limit", "z", "\u{E9}"])
        let listed = key([("ids", "b,a"), ("limit", "5")])
        #expect(!RequestKey.isNormalized([HTTPRequest.QueryItem("ids", "b,a")]))
        #expect(listed == key([("limit", "5"), ("ids", "a"), ("ids", "b")]))
        #expect(listed.value("ids") == "a,b")
        #expect(!RequestKey.isNormalized([HTTPRequest.QueryItem("a", "1"), HTTPRequest.QueryItem("a", "2")]))
    }

    @Test func llmCallsMatchByTaskAndOccurrencePreferringTheSameBody() throws {
        let url = "https://api.openai.com/v1/chat/completions"
        let recording = Fixtures.recording([
            Fixtures.exchange("x1", at: 0, took: 3, .llm, url, body: "energy-1", requestBody: Fixtures.llmBody("energy_analysis", "one")),
            Fixtures.exchange("x2", at: 0, took: 4, .llm, url, body: "energy-2", requestBody: Fixtures.llmBody("energy_analysis", "two")),
            Fixtures.exchange("x3", at: 5, took: 1, .llm, url, body: "strategy", requestBody: Fixtures.llmBody("ordering_strategy", "x")),
        ])
        let run = try VirtualTime.run { clock in
            let transport = ReplayTransport(recording: recording, clock: clock)
            func call(_ task: String, _ input: String) async throws -> String? {
                let request = HTTPRequest(service: .llm, method: "POST", path: LLMWire.path, body: Fixtures.llmBody(task, input), tool: "llm")
                return Fixtures.body(try await transport.send(request, timeout: .seconds(60)))
            }
            // The second recorded body comes first: it is preferred (exact); then occurrence
            // order, but an input unlike the recorded call's is that call's answer, composed.
            let a = try await call("energy_analysis", "two")
            let b = try await call("energy_analysis", "changed input")
            let c = try await call("ordering_strategy", "other input")
            let d = try await call("energy_analysis", "one more than recorded")
            return ([a, b, c, d], transport.counters)
        }
        #expect(run.value.0 == ["energy-2", "energy-1", "strategy", "energy-2"])
        #expect(run.value.1.exact == 1)
        #expect(run.value.1.composed == 2)
        #expect(run.value.1.llmResized == 2)
        #expect(run.value.1.synthesized == 1)
    }

    @Test func recordedLatencyLongerThanTheTimeoutTimesOutAtTheTimeout() throws {
        let recording = Fixtures.recording([
            Fixtures.exchange("x1", at: 0, took: 12, .reccobeats, Self.trackURL, body: "slow"),
        ])
        let run = try VirtualTime.run { clock in
            let transport = ReplayTransport(recording: recording, clock: clock)
            let result = try await transport.send(Self.request("/v1/track", [("ids", "a,b,c")]), timeout: .seconds(10))
            return (result, clock.now.offset, transport.counters)
        }
        #expect(run.value.0 == .timeout)
        #expect(run.value.1 == .seconds(10))
        #expect(run.value.2.cutByTimeout == 1)
    }

    @Test func recordedTimeoutUnderALongerTimeoutIsDrawnFromTheCensoredTail() throws {
        let features = "https://api.reccobeats.com/v1/track/11111111-2222-4333-a444-555555555555/audio-features"
        let recording = Fixtures.recording([
            Fixtures.exchange("x1", at: 0, took: 30, .reccobeats, features, outcome: .timeout),
            Fixtures.exchange("x2", at: 31.5, took: 0.4, .reccobeats, features, body: #"{"energy":0.5}"#),
            Fixtures.exchange("x3", at: 40, took: 1.0, .reccobeats, "https://api.reccobeats.com/v1/track/aaaaaaaa-2222-4333-a444-555555555555/audio-features", body: #"{"energy":0.1}"#),
        ])
        let path = "/v1/track/11111111-2222-4333-a444-555555555555/audio-features"
        let underOld = try VirtualTime.run { clock in
            let transport = ReplayTransport(recording: recording, clock: clock)
            return (try await transport.send(Self.request(path), timeout: .seconds(30)), clock.now.offset)
        }
        #expect(underOld.value.0 == .timeout)
        #expect(underOld.value.1 == .seconds(30))

        func underTimeout(_ seconds: Int64) throws -> (TransportResult, Duration, ReplayCounters) {
            try VirtualTime.run { clock in
                let transport = ReplayTransport(recording: recording, clock: clock)
                let result = try await transport.send(Self.request(path), timeout: .seconds(seconds))
                return (result, clock.now.offset, transport.counters)
            }.value
        }
        // The recorded 30 s timeout says "longer than 30 s": under a longer timeout the latency
        // is drawn beyond 30 s from the endpoint's fit with that timeout as censored data.
        let underNew = try underTimeout(60)
        #expect(underNew.1 > .seconds(30))
        #expect(underNew.2.tailDraws == 1)
        #expect(underNew.2.synthesized == 1)
        if underNew.1 < .seconds(60) {
            #expect(Fixtures.body(underNew.0) == #"{"energy":0.5}"#)
            #expect(underNew.2.slowSuccesses == 1)
        } else {
            #expect(underNew.0 == .timeout)
            #expect(underNew.1 == .seconds(60))
        }
        // Deterministic, and a long enough timeout sees the call end: the recorded success.
        #expect(try underTimeout(60).1 == underNew.1)
        let underLong = try underTimeout(36_000)
        #expect(underLong.1 > .seconds(30) && underLong.1 < .seconds(36_000))
        #expect(Fixtures.body(underLong.0) == #"{"energy":0.5}"#)
        #expect(underLong.2.slowSuccesses == 1)
    }

    @Test func strictModeNamesTheRequestAndTheNearestRecordedOne() throws {
        let recording = Fixtures.recording([
            Fixtures.exchange("x1", at: 0, took: 1, .reccobeats, "https://api.reccobeats.com/v1/track?ids=a,b,c"),
            Fixtures.exchange("x2", at: 1, took: 1, .reccobeats, "https://api.reccobeats.com/v1/track?ids=q,r,s,t"),
        ])
        let run = try VirtualTime.run { clock in
            let transport = ReplayTransport(recording: recording, clock: clock, options: ReplayOptions(strict: true))
            do {
                _ = try await transport.send(Self.request("/v1/track", [("ids", "a,b,d")]), timeout: .seconds(30))
                return (nil as ReplayError?, transport.firstUnanswerable)
            } catch let error as ReplayError {
                return (error, transport.firstUnanswerable)
            }
        }
        let error = try #require(run.value.0)
        #expect(error == run.value.1)
        guard case .unanswerable(let request, let tool, _, let nearest, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(request == "GET /v1/track?ids=a,b,d")
        #expect(tool == "test")
        #expect(nearest == "x1 GET /v1/track?ids=a,b,c")
        #expect(error.description.contains("Nearest recorded request: x1 GET /v1/track?ids=a,b,c"))
    }

    @Test func batchesNeverRecordedAsSuchAreComposedFromRecordedItems() throws {
        func item(_ id: String) -> String {
            #"{"id":"uuid-\#(id)","trackTitle":"T\#(id)","href":"https://open.spotify.com/track/\#(id)","durationMs":1000}"#
        }
        let recording = Fixtures.recording([
            Fixtures.exchange("x1", at: 0, took: 0.5, .reccobeats, "https://api.reccobeats.com/v1/track?ids=a,b", body: #"{"content":[\#(item("a")),\#(item("b"))]}"#),
            Fixtures.exchange("x2", at: 1, took: 0.9, .reccobeats, "https://api.reccobeats.com/v1/track?ids=c,d,e,z", body: #"{"content":[\#(item("c")),\#(item("d")),\#(item("e"))]}"#),
        ])
        let run = try VirtualTime.run { clock in
            let transport = ReplayTransport(recording: recording, clock: clock)
            let composed = try await transport.send(Self.request("/v1/track", [("ids", "e,z,a")]), timeout: .seconds(30))
            let afterComposed = clock.now.offset
            let partlyUnknown = try await transport.send(Self.request("/v1/track", [("ids", "b,unknown")]), timeout: .seconds(30))
            return (composed, afterComposed, partlyUnknown, transport.counters)
        }
        let (composed, elapsed, partlyUnknown, counters) = run.value
        // Items in request order; `z` was asked for and left out by the server, so it stays out.
        #expect(Fixtures.body(composed) == #"{"content":[\#(item("e")),\#(item("a"))]}"#)
        // Fit over (2, 0.5 s) and (4, 0.9 s): 0.1 + 0.2·n, so 3 ids take 0.7 s.
        #expect(elapsed == .milliseconds(700))
        #expect(Fixtures.body(partlyUnknown) == #"{"content":[\#(item("b"))]}"#)
        #expect(counters.composed == 1)
        #expect(counters.synthesized == 1)
    }

    @Test func anLLMTaskNeverRecordedGetsAMinimalValidAnswerFromItsInput() throws {
        let recording = Fixtures.recording([
            Fixtures.exchange("x1", at: 0, took: 2, .llm, "https://api.openai.com/v1/chat/completions", body: "{}", requestBody: Fixtures.llmBody("intent_analysis", "{}")),
        ])
        let input = #"{\"count\":2,\"prompt\":\"p\",\"tracks\":[{\"artist\":\"a\",\"id\":\"t1\",\"name\":\"n\"},{\"artist\":\"a\",\"id\":\"t2\",\"name\":\"n\"},{\"artist\":\"a\",\"id\":\"t3\",\"name\":\"n\"}]}"#
        let run = try VirtualTime.run { clock in
            let transport = ReplayTransport(recording: recording, clock: clock)
            let request = HTTPRequest(service: .llm, method: "POST", path: LLMWire.path, body: Fixtures.llmBody("seed_selection", input), tool: "llm")
            return (Fixtures.body(try await transport.send(request, timeout: .seconds(60))), clock.now.offset, transport.counters)
        }
        let envelope = try JSONValue.parse(try #require(run.value.0))
        let content = try #require(envelope["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
        #expect(content == #"{"ids":["t1","t2"]}"#)
        // The only LLM latency recorded is 2 s, so the drawn one is 2 s too.
        #expect(run.value.1 == .seconds(2))
        #expect(run.value.2.synthesized == 1)
    }
}
