import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchWorld
import Testing

@testable import PerfbenchReplay

/// How a host's latency follows its load (issue 14 §5: load the recording cannot show): fitted
/// from the recording, used by the interval's load draws, never by the plain replay.
@Suite struct LoadModelTests {
    static func index(_ profile: String, mechanics: String, seed: UInt64 = 46) throws -> ReplayIndex {
        let base = try #require(WorldProfile.named(profile))
        let world = base.under(try #require(WorldMechanics.named(mechanics)))
        return ReplayIndex(recording: try Synthesizer.synthesize(profile: world, seed: seed, promptIndex: 0).recording)
    }

    @Test func aHostWhoseLatencyIgnoredItsLoadGetsNoElasticity() throws {
        let standard = try Self.index("nov07", mechanics: "standard")
        #expect(standard.load.elasticity.isEmpty)
        let config = try Preset.named("plan-critical-path").configuration()
        let run = try ReplayRunner.replay(index: standard, path: "nov07", config: config, options: ReplayOptions()).run
        #expect(!run.kindedWarnings.contains { $0.kind == "load" })
        #expect(try Self.index("nov07", mechanics: "strict-judge").load.elasticity.isEmpty)
    }

    @Test func aHostThatQueuedOrSlowedUnderLoadGetsOne() throws {
        for mechanics in ["workers", "stalls"] {
            let load = try Self.index("nov07", mechanics: mechanics).load
            let reccobeats = try #require(load.elasticity[.reccobeats], "\(mechanics)")
            #expect(reccobeats > 0.1 && reccobeats <= LoadModel.maxElasticity)
            #expect((load.peakInFlight[.reccobeats] ?? 0) >= 2)
        }
    }

    @Test func callsInFlightCountOverlapsOfTheSameService() {
        // Three ReccoBeats calls: 0–10 s, 2–4 s, 5–6 s; one Spotify call during them.
        let recording = Fixtures.recording([
            Fixtures.exchange("x1", at: 0, took: 10, .reccobeats, "https://api.reccobeats.com/v1/track/a/audio-features"),
            Fixtures.exchange("x2", at: 2, took: 2, .reccobeats, "https://api.reccobeats.com/v1/track/b/audio-features"),
            Fixtures.exchange("x3", at: 3, took: 1, .spotify, "https://api.spotify.com/v1/tracks/c"),
            Fixtures.exchange("x4", at: 5, took: 1, .reccobeats, "https://api.reccobeats.com/v1/track/d/audio-features"),
        ])
        let index = ReplayIndex(recording: recording)
        let byID = Dictionary(uniqueKeysWithValues: index.answers.enumerated().map { ($1.id, index.load.inFlightAtSend[$0]) })
        #expect(byID == ["x1": 1, "x2": 2, "x3": 1, "x4": 2])
    }

    @Test func theLoadDrawsSlowALoadedWorldsWhatIfButNotTheReplay() throws {
        let index = try Self.index("nov07", mechanics: "workers")
        let config = try Preset.named("plan-critical-path").configuration()
        var options = ReplayOptions()
        let plainRun = try ReplayRunner.replay(index: index, path: "nov07", config: config, options: options).run
        let plain = plainRun.totalSeconds
        // The plain figure says it kept latencies the recording showed growing with the load.
        let warning = try #require(plainRun.kindedWarnings.first { $0.kind == "load" }?.text)
        #expect(warning.contains("calls in flight at once, more than the recording ever did"))
        options.loadFollowsRecording = true
        let loaded = try ReplayRunner.replay(index: index, path: "nov07", config: config, options: options).run.totalSeconds
        // plan-critical-path sends 12 artists at once where the recording sent one: more in flight.
        #expect(loaded > plain * 1.02, "plain \(plain) s, under load \(loaded) s")
        #expect(!ReplayOptions.loadFollowsRecording(draw: 0))
        #expect(ReplayOptions.loadFollowsRecording(draw: 1))
    }
}
