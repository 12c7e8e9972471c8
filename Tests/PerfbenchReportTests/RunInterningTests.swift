import Testing

@testable import PerfbenchReport

/// Runs of a corpus share the strings and toggle maps they repeat (issue 15: memory flat in
/// corpus size).
@Suite struct RunInterningTests {
    /// Where a native string's bytes live (nil for one stored inline).
    static func storage(_ text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    /// A fixture run whose names are built at run time, as a replay builds them.
    static func run(_ seed: Int) -> RunResult {
        var run = Fixtures.run()
        let endpoint = ["spotify", "get_album_tracks", "per", "30s", String(seed * 0)].joined(separator: "_")
        run.counters["replay_rate_endpoint_extrapolated_" + endpoint] = Double(seed)
        run.config.phases = ["parallel-artists": String(seed * 0 + 8), "top-tracks-batch": "5"]
        return run
    }

    @Test func equalNamesShareOneCopyAndTheRunIsUnchanged() throws {
        let (first, second) = (Self.run(1), Self.run(2))
        let name = try #require(first.counters.keys.first { $0.hasPrefix("replay_rate_endpoint") })
        let otherName = try #require(second.counters.keys.first { $0.hasPrefix("replay_rate_endpoint") })
        #expect(Self.storage(name) != Self.storage(otherName))
        let (a, b) = (first.interned, second.interned)
        #expect(a == first && b == second)
        let sharedA = try #require(a.counters.keys.first { $0.hasPrefix("replay_rate_endpoint") })
        let sharedB = try #require(b.counters.keys.first { $0.hasPrefix("replay_rate_endpoint") })
        #expect(Self.storage(sharedA) != nil && Self.storage(sharedA) == Self.storage(sharedB))
        let pathA = try #require(a.stages.first { $0.path.utf8.count > 15 }?.path)
        let pathB = try #require(b.stages.first { $0.path == pathA }?.path)
        #expect(Self.storage(pathA) == Self.storage(pathB))
    }
}
