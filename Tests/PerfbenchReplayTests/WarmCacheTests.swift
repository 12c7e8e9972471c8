import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import Testing

/// `warm-cache`: a persistent cache that earlier runs left warm answers the warm share of id
/// mappings and audio features at once, from the replay's own content (issue 13 §1).
@Suite struct WarmCacheTests {
    static let nov07 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Recordings/nov07.jsonl.gz").path

    static func replay(_ spec: String) throws -> ReplayOutcome {
        let recording = try Recording.load(from: nov07)
        return try ReplayRunner.replay(
            index: ReplayIndex(recording: recording), path: "nov07", config: try PipelineConfiguration.resolve(spec: spec),
            options: ReplayOptions())
    }

    static func reccobeatsCalls(_ outcome: ReplayOutcome, path: String) -> Int {
        outcome.workflow.events.filter { event in
            guard case .exchange(let exchange) = event else { return false }
            return exchange.service == .reccobeats && exchange.url.contains(path)
        }.count
    }

    @Test func aWarmCacheAnswersLookupsWithoutCallsAndTheColdRunIsUnchanged() throws {
        let cold = try Self.replay("baseline")
        let off = try Self.replay("baseline,warm-cache=off")
        #expect(cold.run.totalSeconds == off.run.totalSeconds)
        #expect(cold.run.counters["replay_warm_cache_answers"] == nil)

        let warm = try Self.replay("baseline,warm-cache=1/1")
        // Every id mapping and feature set comes from the cache: no /v1/track?ids= mapping call and
        // no audio-feature call is left in seed gathering, and the run is faster.
        #expect(Self.reccobeatsCalls(cold, path: "/audio-features") > 0)
        #expect(Self.reccobeatsCalls(warm, path: "/audio-features") == 0)
        #expect(warm.run.requests.total < cold.run.requests.total)
        #expect(warm.run.totalSeconds < cold.run.totalSeconds)
        #expect((warm.run.counters["replay_warm_cache_answers"] ?? 0) > 0)
        #expect(warm.run.cache.hits > cold.run.cache.hits)

        // A share in between: fewer calls than cold, more than fully warm; deterministic.
        let half = try Self.replay("baseline,warm-cache=0.5/0.5")
        let halfFeatures = Self.reccobeatsCalls(half, path: "/audio-features")
        #expect(halfFeatures > 0 && halfFeatures < Self.reccobeatsCalls(cold, path: "/audio-features"))
        #expect(try Self.replay("baseline,warm-cache=0.5/0.5").run.totalSeconds == half.run.totalSeconds)
    }

    @Test func theShareTestIsStableAndProportional() {
        let warm = WarmCache(ids: 0.3, features: 0.9)
        let ids = (0..<10_000).map { "spotify-\($0)" }
        let heldIDs = ids.filter { warm.holdsID($0, at: "workflow") }.count
        let heldFeatures = ids.filter { warm.holdsFeatures($0, at: "workflow") }.count
        #expect(abs(heldIDs - 3_000) < 200)
        #expect(abs(heldFeatures - 9_000) < 200)
        #expect(ids.filter { warm.holdsID($0, at: "workflow") } == ids.filter { WarmCache(ids: 0.3, features: 0).holdsID($0, at: "workflow/x/seed_gathering") })
        #expect(!WarmCache(ids: 0, features: 0).holdsID("x", at: "") && WarmCache(ids: 1, features: 1).holdsID("x", at: ""))
    }
}
