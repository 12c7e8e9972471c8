import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime
import Testing

@testable import PerfbenchWorld

/// The world's alternative mechanics (issue 14 §5): each changes what the replay cannot see.
@Suite struct WorldMechanicsTests {
    private func world(_ mechanics: WorldMechanics) -> UpstreamWorld {
        var profile = WorldProfile.standard.under(mechanics)
        profile.latency.updateSpotify { $0.tailProbability = 0 }
        return testWorld(profile: profile)
    }

    private func status(_ outcome: WorldOutcome) -> Int {
        guard case .response(let response) = outcome.result else { return 0 }
        return response.status
    }

    private func retryAfter(_ outcome: WorldOutcome) -> Double? {
        guard case .response(let response) = outcome.result else { return nil }
        return response.retryAfterSeconds
    }

    @Test func aTokenBucketPassesABurstUpToItsCapacityThenBlocksAndGrowsWhileCalled() throws {
        let world = world(WorldMechanics(name: "t", spotifyLimiter: .tokenBucket(capacity: 3, refillPerSecond: 1)))
        let request = spotifyGET("/v1/me")
        for _ in 0..<3 { #expect(status(world.handle(request, at: .zero)) == 200) }
        let refused = world.handle(request, at: .zero)
        #expect(status(refused) == 429)
        #expect(retryAfter(refused) == 2)  // one token takes 1 s; at least the 2 s minimum
        // Called again during the block: twice what was left.
        #expect(retryAfter(world.handle(request, at: .seconds(1))) == 2)
        #expect(retryAfter(world.handle(request, at: .milliseconds(1500))) == 3)
        // Once the block is over, tokens have refilled at 1/s.
        #expect(status(world.handle(request, at: .seconds(10))) == 200)
    }

    @Test func theRollingWindowWouldHavePassedTheSameBurst() throws {
        let world = world(.standard)
        for _ in 0..<10 { #expect(status(world.handle(spotifyGET("/v1/me"), at: .zero)) == 200) }
    }

    @Test func finiteWorkersQueueConcurrentCallsFirstInFirstOut() throws {
        let queued = world(WorldMechanics(name: "w", workers: [.spotify: 1]))
        let free = world(.standard)
        let request = spotifyGET("/v1/me")
        let alone = free.handle(request, at: .zero).latency
        let first = queued.handle(request, at: .zero).latency
        let second = queued.handle(spotifyGET("/v1/me/top/tracks"), at: .zero).latency
        #expect(first == alone)
        // The second waits for the only worker: its latency includes the first's.
        #expect(second > first)
        // After both are done, a call waits for nobody.
        let later = queued.handle(request, at: .seconds(600)).latency
        #expect(later < second)
    }

    @Test func stallsStretchACallByTheCallsInFlight() throws {
        let stalled = world(WorldMechanics(name: "s", stallPerInFlight: 0.5))
        let plain = world(.standard)
        let request = spotifyGET("/v1/me/top/tracks")
        _ = stalled.handle(spotifyGET("/v1/me"), at: .zero)
        _ = plain.handle(spotifyGET("/v1/me"), at: .zero)
        let slowed = stalled.handle(request, at: .zero).latency
        let unslowed = plain.handle(request, at: .zero).latency
        // One call in flight: 1.5 times the work (to the microsecond).
        #expect(abs(slowed.seconds - unslowed.seconds * 1.5) < 0.000_01)
    }

    @Test func aStrictJudgeScoresTheSamePlaylistOtherwise() throws {
        let plain = world(.standard)
        let strict = world(WorldMechanics(name: "j", judge: .shareInMood))
        let tracks = (0..<12).map { plain.catalogue.track($0 * 7) }.map {
            LLMTrackInput(id: $0.spotifyID, name: $0.title, artist: "a", features: $0.features?.dictionary)
        }
        let input = LLMRequestInput(prompt: "calm acoustic evening", tracks: tracks)
        func score(_ world: UpstreamWorld) throws -> Double {
            let response = world.response(to: llmRequest(.qualityEvaluation, input))
            let envelope = try JSONValue.parse(response.body)
            let content = try #require(envelope["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
            return try #require(try JSONValue.parse(content)["score"]?.doubleValue)
        }
        #expect(try score(strict) != score(plain))
    }

    @Test func namedMechanicsAreKnownAndLabelTheProfile() throws {
        for name in WorldMechanics.names { #expect(WorldMechanics.named(name)?.name == name) }
        #expect(WorldMechanics.named("nope") == nil)
        #expect(WorldProfile.nov07.under(.standard).name == "nov07")
        let unfamiliar = try #require(WorldMechanics.named("unfamiliar"))
        #expect(WorldProfile.nov07.under(unfamiliar).name == "nov07+unfamiliar")
        #expect(unfamiliar.summary.contains("token bucket"))
    }
}
