import Testing
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime
@testable import PerfbenchWorld

@Suite struct ServerLimitTests {
    private func world(spotifyBudget: Int = 5, reccoTracks: Int = 3) -> UpstreamWorld {
        var profile = WorldProfile.standard
        profile.spotifyLimit.budget = spotifyBudget
        profile.spotifyLimit.quotaThreshold = 100
        profile.reccoBeatsLimit.tracks = reccoTracks
        return testWorld(profile: profile)
    }

    private func status(_ outcome: WorldOutcome) -> (Int, HTTPResponse?) {
        guard case .response(let response) = outcome.result else { return (0, nil) }
        return (response.status, response)
    }

    @Test func spotifyAnswers429WithRetryAfterPastTheWindowBudget() throws {
        let world = world()
        let request = spotifyGET("/v1/me/top/tracks", [("limit", "20")])
        for second in 0..<5 {
            #expect(status(world.handle(request, at: .seconds(second))).0 == 200)
        }
        let (code, response) = status(world.handle(request, at: .seconds(5)))
        #expect(code == 429)
        // The oldest counted request (t = 0) leaves the 30 s window at t = 30.
        #expect(response?.retryAfterSeconds == 25)
        #expect(response?.body == #"{"error":{"message":"API rate limit exceeded","status":429}}"#)
        #expect(status(world.handle(request, at: .seconds(30))).0 == 200)
    }

    @Test func callsDuringAPenaltyMakeItGrowToAQuota() throws {
        let world = world()
        let request = spotifyGET("/v1/me")
        for _ in 0..<5 { _ = world.handle(request, at: .zero) }
        #expect(status(world.handle(request, at: .zero)).1?.retryAfterSeconds == 30)
        // 20 s left at t = 10 s, doubled by the call: 40 s.
        #expect(status(world.handle(request, at: .seconds(10))).1?.retryAfterSeconds == 40)
        let grown = status(world.handle(request, at: .seconds(11))).1
        #expect(grown?.retryAfterSeconds == 78)
        let quota = status(world.handle(request, at: .seconds(12))).1
        #expect((quota?.retryAfterSeconds ?? 0) >= 100)
        #expect(quota?.body.contains("QUOTA_EXCEEDED") == true)
    }

    @Test func reccoBeatsLimitsEachFamilyPerMinute() throws {
        let world = world()
        let track = world.catalogue.track(0)
        for second in 0..<3 {
            #expect(status(world.handle(reccoGET("/v1/track", [("ids", track.spotifyID)]), at: .seconds(second))).0 == 200)
        }
        let (code, response) = status(world.handle(reccoGET("/v1/track", [("ids", track.spotifyID)]), at: .seconds(3)))
        #expect(code == 429)
        #expect(response?.retryAfterSeconds == 57)
        // Another family has its own budget.
        let features = world.handle(reccoGET("/v1/audio-features", [("ids", track.spotifyID)]), at: .seconds(3))
        #expect(status(features).0 == 200)
    }

    @Test func theTransportReturnsThe429OnTheVirtualClock() throws {
        let world = world(spotifyBudget: 2)
        let run = try VirtualTime.run { clock in
            let transport = SimulatedUpstream(world: world, clock: clock)
            var statuses: [Int] = []
            for _ in 0..<3 {
                if case .response(let response) = try await transport.send(spotifyGET("/v1/me"), timeout: .seconds(30)) {
                    statuses.append(response.status)
                }
            }
            return statuses
        }
        #expect(run.value == [200, 200, 429])
    }

    @Test func connectionErrorsAndServerErrorsFollowTheirRates() {
        var profile = WorldProfile.standard
        profile.catalogue = .small
        profile.faults = FaultRates(reccoBeatsConnectionErrors: 0.1, reccoBeatsServerErrors: 0.1)
        let world = UpstreamWorld(profile: profile, seed: 3)
        var resets = 0
        var serverErrors = 0
        for index in 0..<1000 {
            let outcome = world.handle(reccoGET("/v1/artist/search", [("searchText", "n\(index)")]), at: .seconds(index))
            switch outcome.result {
            case .connectionError: resets += 1
            case .response(let response) where response.status >= 500: serverErrors += 1
            default: break
            }
        }
        #expect((60...140).contains(resets))
        #expect((50...140).contains(serverErrors))
    }
}
