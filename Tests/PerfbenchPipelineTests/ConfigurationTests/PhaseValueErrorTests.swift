import Testing

@testable import PerfbenchPipeline
import PerfbenchRecording

/// Bad ids and values: exit 64, the nearest valid id, the allowed range.
@Suite("Phase value errors")
struct PhaseValueErrorTests {
    private func usageError(_ spec: String) -> ConfigurationError? {
        #expect(throws: ConfigurationError.self) { try PipelineConfiguration.resolve(spec: spec) }
    }

    @Test func unknownPhaseSuggestsTheNearestID() {
        let error = usageError("paralel-artists=8")
        #expect(error?.description == "unknown phase \"paralel-artists\". Did you mean \"parallel-artists\"?")
        #expect(error?.exitCode == 64)
    }

    @Test(arguments: [
        ("parallel-artsits", "parallel-artists"), ("Skip-Iteraton", "skip-iteration"),
        ("seed-chunk-concurency", "seed-chunk-concurrency"), ("reccobeats-timout", "reccobeats-timeout"),
    ])
    func typosFindTheirPhase(_ typed: String, _ expected: String) {
        #expect(NearestName.nearest(to: typed, among: PhaseID.sorted.map(\.rawValue)) == expected)
    }

    @Test func unrelatedNameGetsNoSuggestionButAPointer() {
        let error = usageError("zzz=1")
        #expect(error?.message == "unknown phase \"zzz\". Run 'perfbench phases' to list them.")
    }

    @Test func outOfRangeValueNamesTheRange() {
        let error = usageError("parallel-artists=0")
        #expect(error?.message.hasPrefix("parallel-artists=0: must be an integer from 1 to 64") == true)
        #expect(error?.message.contains("Accepted: off | 1-64; or baseline (off), doc (12), shipped (8).") == true)
        #expect(error?.exitCode == 64)
    }

    @Test(arguments: [
        ("seed-chunk-concurrency=0", "seed-chunk-concurrency=0: must be an integer from 1 to 32"),
        ("reccobeats-timeout=0.5", "reccobeats-timeout=0.5: must be a duration from 1s to 600s"),
        ("reccobeats-timeout=fast", "reccobeats-timeout=fast: must be a duration from 1s to 600s"),
        ("quality-threshold=1.5", "quality-threshold=1.5: must be a number from 0 to 1 (or planner)"),
        ("skip-iteration=0.75/2", "skip-iteration=0.75/2: cohesion must be a number from 0 to 1"),
        ("skip-iteration=0.75/0.6/maybe", "skip-iteration=0.75/0.6/maybe: the third part must be extra-eval"),
        ("top-tracks-batch=mutex/4", "top-tracks-batch=mutex/4: must be N (batches of N) | semaphore/N"),
        ("fast-anchor-scoring=maybe", "fast-anchor-scoring=maybe: must be on or off"),
        ("overlap-discovery=half", "overlap-discovery=half: must be one of off, partial, full"),
        ("chunk-size=15-10", "chunk-size=15-10: minimum size 15 must not exceed maximum 10"),
        ("reccobeats-semaphore=doc", "reccobeats-semaphore=doc: no seed proposes a value (shipped only)"),
        ("circuit-breaker=shipped", "circuit-breaker=shipped: the backend never shipped it"),
        ("reccobeats-timeout=nan", "reccobeats-timeout=nan: must be a duration"),
    ])
    func badValueIsRejectedWithItsReason(_ spec: String, _ expectedPrefix: String) {
        let error = usageError(spec)
        #expect(error?.message.hasPrefix(expectedPrefix) == true, "\(error?.message ?? "no error")")
        #expect(error?.exitCode == 64)
    }

    @Test(arguments: [("2h", "2h"), ("120min", "2h"), ("7200", "2h"), ("7200 s", "2h"), ("90m", "90min"), ("1.5d", "36h")])
    func durationsAcceptUnitsAndRenderInTheLargestExactOne(_ typed: String, _ canonical: String) throws {
        var config = PipelineConfiguration.baseline
        try config.set(.topTracksCacheTTL, to: typed)
        #expect(config.value(of: .topTracksCacheTTL) == canonical)
    }
}

extension PhaseValueErrorTests {
    @Test func uniquePrefixFindsItsPhase() {
        #expect(NearestName.nearest(to: "Prefetch-Art", among: PhaseID.sorted.map(\.rawValue)) == "prefetch-artist-data")
        #expect(NearestName.nearest(to: "skip", among: PhaseID.sorted.map(\.rawValue)) == nil)
    }
}
