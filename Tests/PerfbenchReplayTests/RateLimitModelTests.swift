import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchRuntime
import Testing

/// The per-host rate-limit model: 429 only when sending faster than the recording ever did.
@Suite struct RateLimitModelTests {
    /// Ten Spotify searches one second apart: the busiest 30 s window holds ten.
    static let paced = Fixtures.recording((0..<10).map { n in
        Fixtures.exchange("x\(n + 1)", at: Double(n), took: 0.2, .spotify, "https://api.spotify.com/v1/search?q=q\(n)&type=track&limit=5", body: #"{"tracks":{"items":[]}}"#)
    })

    static func search(_ n: Int) -> HTTPRequest {
        HTTPRequest(service: .spotify, path: "/v1/search", query: [.init("q", "q\(n)"), .init("type", "track"), .init("limit", "5")], tool: "search")
    }

    @Test func sendingAtTheRecordedPaceNeverMeetsTheModel() throws {
        let run = try VirtualTime.run { clock in
            let transport = ReplayTransport(recording: Self.paced, clock: clock)
            var statuses: [Int?] = []
            for n in 0..<10 {
                try await clock.sleep(until: VirtualInstant(offset: .seconds(n)))
                statuses.append(Fixtures.status(try await transport.send(Self.search(n), timeout: .seconds(30))))
            }
            return (statuses, transport.counters)
        }
        #expect(run.value.0 == Array(repeating: 200, count: 10))
        #expect(run.value.1.rateLimited == 0)
    }

    @Test func sendingFasterThanTheRecordingGetsA429WithRetryAfter() throws {
        let run = try VirtualTime.run { clock in
            let transport = ReplayTransport(recording: Self.paced, clock: clock)
            var answers: [TransportResult] = []
            // Twenty-two at once at t = 5 s: the recording's busiest window held ten, and a host
            // that never answered 429 gets twice that room; the rest wait for the first to leave
            // the window, 30 s after it was admitted.
            try await clock.sleep(until: VirtualInstant(offset: .seconds(5)))
            for n in 0..<22 {
                answers.append(try await transport.send(Self.search(n % 10), timeout: .seconds(30)))
            }
            return (answers, transport.counters)
        }
        let (answers, counters) = run.value
        let statuses = answers.map(Fixtures.status)
        #expect(statuses.prefix(20).allSatisfy { $0 == 200 })
        #expect(statuses.suffix(2) == [429, 429])
        guard case .response(let refused) = answers[20] else {
            Issue.record("expected a response")
            return
        }
        // The first admitted send (t = 5 s) leaves the window at 35 s; the refusal comes at
        // t = 9 s (twenty sends of 0.2 s each before it).
        #expect(refused.retryAfterSeconds == 26)
        #expect(counters.rateLimited == 2)
        #expect(counters.synthesized == 2)
    }

    @Test func recordedRateLimitsAreReplayedExactlyAndTheModelStaysQuietAtTheRecordedConfiguration() throws {
        let made = try Recorder.withFaults.get()
        let outcome = try ReplayRunner.replay(
            index: ReplayIndex(recording: made.recording), path: "rec", config: nil, options: ReplayOptions())
        #expect(outcome.answers.rateLimited == 0)
        #expect(outcome.workflow.counters.retryAfterWaits == made.result.counters.retryAfterWaits)
        #expect(outcome.workflow.counters.retryAfterWaits > 0)
    }

    @Test func aFasterConfigurationMeetsTheModel() throws {
        // A host that answered 429 in the recording keeps its recorded capacity (headroom 1).
        let made = try Recorder.withFaults.get()
        let faster = try Recorder.configuration(["parallel-artists": "16", "top-tracks-batch": "20", "overlap-discovery": "full"])
        let outcome = try ReplayRunner.replay(
            index: ReplayIndex(recording: made.recording), path: "rec", config: faster, options: ReplayOptions())
        let quiet = try ReplayRunner.replay(
            index: ReplayIndex(recording: made.recording), path: "rec", config: faster,
            options: ReplayOptions(rateLimits: false))
        #expect(outcome.answers.rateLimited > 0)
        #expect(outcome.workflow.counters.retryAfterWaits > 0)
        #expect(quiet.answers.rateLimited == 0)
        // The model's 429s are waited out (the totals may differ either way by a little: other
        // playlists size other LLM calls).
        #expect(outcome.workflow.counters.retryAfterSeconds > quiet.workflow.counters.retryAfterSeconds)
        // Sending faster than the recording ever did is an extrapolation, and the report says so;
        // the recorded configuration never is.
        let warning = try #require(outcome.run.warnings.first { $0.hasPrefix("this configuration sends spotify up to ") && $0.contains("per 30s window") })
        // It names the endpoints that went furthest past their own busiest recorded window.
        let endpoints = outcome.run.counters.keys.filter { $0.hasPrefix(RunResult.extrapolatedEndpointRatePrefix + "spotify_") }
        #expect(!endpoints.isEmpty && endpoints.count <= 3)
        for key in endpoints {
            let name = String(key.dropFirst(RunResult.extrapolatedEndpointRatePrefix.count))
            let replayed = try #require(outcome.run.counters[key])
            let recorded = try #require(outcome.run.counters[RunResult.recordedEndpointRatePrefix + name])
            #expect(replayed > recorded)
            let tool = String(name.dropFirst("spotify_".count)).components(separatedBy: "_per_")[0]
            #expect(warning.contains("\(tool) \(Int(replayed)) (recorded \(Int(recorded)))"), "\(warning)")
        }
        let recorded = try ReplayRunner.replay(
            index: ReplayIndex(recording: made.recording), path: "rec", config: nil, options: ReplayOptions())
        #expect(!recorded.run.counters.keys.contains { $0.hasPrefix(RunResult.extrapolatedRatePrefix) })
    }

    /// Ten sends at t = 5 s: the recording's busiest 30 s window (ten) is not exceeded, but its
    /// busiest second held one send. The plain replay admits the burst and flags it; the
    /// limiter alternatives an interval draws refuse what the recording never sent in a second.
    static func burst(limiter: LimiterAlternative) throws -> (statuses: [Int?], retryAfters: [Double?], bursts: [Int]) {
        try VirtualTime.run { clock in
            var options = ReplayOptions()
            options.limiter = limiter
            let transport = ReplayTransport(index: ReplayIndex(recording: Self.paced), clock: clock, options: options)
            try await clock.sleep(until: VirtualInstant(offset: .seconds(5)))
            var statuses: [Int?] = []
            var retryAfters: [Double?] = []
            for n in 0..<10 {
                let answer = try await transport.send(Self.search(n), timeout: .seconds(30))
                statuses.append(Fixtures.status(answer))
                if case .response(let response) = answer { retryAfters.append(response.retryAfterSeconds) }
            }
            return (statuses, retryAfters, transport.sendRates.map(\.replayed))
        }.value
    }

    @Test func aBurstTheRecordingNeverMadeIsFlaggedAndOnlyTheAlternativesRefuseIt() throws {
        let plain = try Self.burst(limiter: .headroom)
        #expect(plain.statuses.allSatisfy { $0 == 200 })
        // Window, 1 s and 5 s spans: the burst's sends are 0.2 s apart, so five fit in a second.
        #expect(plain.bursts == [10, 5, 10])
        let tight = try Self.burst(limiter: .recordedPeak)
        #expect(tight.statuses.first == 200)
        #expect(tight.statuses.contains(429))
    }

    @Test func aGrowingBlockDoublesWhatIsLeftForEachCallDuringIt() throws {
        let growing = try Self.burst(limiter: .growingBlock)
        let waits = zip(growing.statuses, growing.retryAfters).filter { $0.0 == 429 }.compactMap(\.1)
        #expect(waits.count >= 3)
        // Each refused call made while refused is told to wait longer than the one before.
        #expect(zip(waits, waits.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func drawsCycleThroughTheLimiterAlternatives() {
        #expect(LimiterAlternative.forDraw(0) == .headroom)
        #expect(Set((1...3).map { LimiterAlternative.forDraw(UInt64($0)) }) == Set(LimiterAlternative.allCases))
    }
}
