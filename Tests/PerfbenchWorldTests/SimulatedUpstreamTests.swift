import Testing
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime
@testable import PerfbenchWorld

@Suite struct SimulatedUpstreamTests {
    private func fixedWorld(topTracksSeconds: Double) -> UpstreamWorld {
        var profile = WorldProfile.standard
        profile.latency.spotifyArtistTopTracks = .fixed(topTracksSeconds)
        return testWorld(profile: profile)
    }

    @Test func aRequestTakesItsLatencyOnTheVirtualClock() throws {
        let world = fixedWorld(topTracksSeconds: 5)
        let id = world.catalogue.artist(0).spotifyID
        let run = try VirtualTime.run { clock in
            try await SimulatedUpstream(world: world, clock: clock)
                .send(spotifyGET("/v1/artists/\(id)/top-tracks"), timeout: .seconds(30))
        }
        #expect(run.elapsed == .seconds(5))
        guard case .response(let response) = run.value else {
            Issue.record("expected a response, got \(run.value)")
            return
        }
        #expect(response.status == 200)
    }

    @Test func aSlowRequestTimesOutAfterTheTimeout() throws {
        let world = fixedWorld(topTracksSeconds: 45)
        let id = world.catalogue.artist(0).spotifyID
        let run = try VirtualTime.run { clock in
            try await SimulatedUpstream(world: world, clock: clock)
                .send(spotifyGET("/v1/artists/\(id)/top-tracks"), timeout: .seconds(30))
        }
        #expect(run.value == .timeout)
        #expect(run.elapsed == .seconds(30))
    }

    /// A workflow-like mix: concurrent ReccoBeats calls, sequential Spotify calls and LLM calls.
    private static func script(_ transport: SimulatedUpstream) async throws -> [String] {
        let catalogue = transport.world.catalogue
        var log: [String] = []
        let ids = (0..<20).map { catalogue.track($0).spotifyID }
        try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for chunk in 0..<4 {
                group.addTask {
                    let request = reccoGET("/v1/track", [("ids", ids[chunk * 5..<chunk * 5 + 5].joined(separator: ","))])
                    let result = try await transport.send(request, timeout: .seconds(30))
                    return (chunk, "\(result)")
                }
            }
            var parts = [String](repeating: "", count: 4)
            for try await (chunk, text) in group { parts[chunk] = text }
            log += parts
        }
        for index in 0..<6 {
            let artist = catalogue.artist(index * 3)
            let result = try await transport.send(spotifyGET("/v1/artists/\(artist.spotifyID)/top-tracks"), timeout: .seconds(30))
            log.append("\(result)")
        }
        let llm = try await transport.send(
            llmRequest(.moodAnalysis, LLMRequestInput(prompt: "moody trip hop")), timeout: .seconds(60))
        log.append("\(llm)")
        return log
    }

    @Test func theSameRequestSequenceGivesTheSameLatenciesAndBodies() throws {
        func once() throws -> ([String], Duration) {
            let run = try VirtualTime.run { clock in
                try await Self.script(SimulatedUpstream(profile: .nov07, seed: 99, clock: clock))
            }
            return (run.value, run.elapsed)
        }
        let first = try once()
        for _ in 0..<3 {
            let again = try once()
            #expect(again.0 == first.0)
            #expect(again.1 == first.1)
        }
        #expect(first.1 > .seconds(1))
    }

    @Test func latenciesDoNotDependOnUnrelatedRequests() {
        let profile = WorldProfile.standard
        let catalogue = Catalogue(seed: 5, shape: .small)
        let probe = spotifyGET("/v1/artists/\(catalogue.artist(1).spotifyID)")
        let quiet = UpstreamWorld(profile: profile, seed: 5, catalogue: catalogue)
        let busy = UpstreamWorld(profile: profile, seed: 5, catalogue: catalogue)
        for index in 0..<10 { _ = busy.handle(spotifyGET("/v1/artists/\(catalogue.artist(index + 2).spotifyID)"), at: .zero) }
        let alone = quiet.handle(probe, at: .zero)
        let afterOthers = busy.handle(probe, at: .zero)
        #expect(alone == afterOthers)
        // Repeating a request draws a new latency, reproducibly.
        let repeated = quiet.handle(probe, at: .zero)
        #expect(repeated.latency != alone.latency)
        #expect(repeated.result == alone.result)
    }

    @Test func llmLatencyGrowsWithTheAnswer() {
        var profile = WorldProfile.standard
        profile.llm.jitterSigma = 0
        profile.llm.tailProbability = 0
        let world = testWorld(profile: profile)
        func tracks(_ count: Int) -> [LLMTrackInput] {
            (0..<count).map { LLMTrackInput(id: world.catalogue.track($0).spotifyID, name: "t", artist: "a", features: ["energy": 0.5]) }
        }
        let small = world.handle(llmRequest(.energyAnalysis, LLMRequestInput(prompt: "p", tracks: tracks(4))), at: .zero)
        let large = world.handle(llmRequest(.energyAnalysis, LLMRequestInput(prompt: "p", tracks: tracks(16))), at: .zero)
        #expect(large.latency > small.latency + .seconds(1))
        #expect(small.latency > .seconds(3))
    }

    @Test func badDayReccoBeatsCallsReachTheLongTail() {
        var profile = WorldProfile.badDay
        profile.catalogue = .small
        let world = UpstreamWorld(profile: profile, seed: 8)
        let latencies = (0..<400).map { index in
            world.handle(reccoGET("/v1/artist/search", [("searchText", "q\(index)")]), at: .seconds(index)).latency
        }
        // The calibrated tail: one call in 16 takes 60 s or more (≈ 25 of 400).
        let overMinute = latencies.filter { $0 >= .seconds(60) }.count
        #expect((12...40).contains(overMinute))
        #expect(latencies.allSatisfy { $0 <= .seconds(140) })
    }
}
