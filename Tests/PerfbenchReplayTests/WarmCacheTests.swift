import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchRuntime
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

    /// The warm keys are those of the hash of `id:ID` / `features:UUID` as one string, as they
    /// have always been: a warm set that moved would move every warm-cache figure.
    @Test func theWarmKeysAreTheHashOfTheJoinedKey() {
        let warm = WarmCache(ids: 0.4, features: 0.6)
        func joined(_ key: String, _ share: Double) -> Bool {
            Double(SplitMix64.mix(StableHash.fnv1a(key)) >> 11) / Double(UInt64(1) << 53) < share
        }
        let keys = (0..<3_000).map { "k\($0)-é\($0 % 7)" } + ["", "id:", "features:x"]
        #expect(keys.filter { warm.holdsID($0, at: "a") != joined("id:" + $0, 0.4) }.isEmpty)
        #expect(keys.filter { warm.holdsFeatures($0, at: "a") != joined("features:" + $0, 0.6) }.isEmpty)
    }

    /// Seed gathering's shares apply under any path with a component starting `seed_gathering`
    /// after a slash, exactly where a substring search for `/seed_gathering` finds one.
    @Test func seedGatheringSharesApplyWhereThePathSaysSo() {
        let warm = WarmCache(seedGathering: .init(ids: 1, features: 0), generation: .init(ids: 0, features: 1))
        let paths = [
            "", "/", "seed_gathering", "/seed_gathering", "orchestration/initial_generation/seed_gathering",
            "orchestration/initial_generation/seed_gathering/anchor_selection", "a/seed_gatheringX/b", "a//seed_gathering",
            "a/seed_gatherin", "a/seed-gathering", "a/b/c", "a/Seed_gathering", "é/seed_gathering", "a/x/seed_gathering/",
            "seed_gathering/a", "/seed_gatherin/seed_gathering",
        ]
        for path in paths {
            let expected = path.range(of: "/seed_gathering") != nil
            #expect(warm.shares(at: path) == (expected ? warm.seedGathering : warm.generation), "\(path)")
        }
    }
}
