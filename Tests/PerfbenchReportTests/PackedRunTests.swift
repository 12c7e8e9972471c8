import Foundation
import PerfbenchRecording
import Testing

@testable import PerfbenchReport

/// A run a corpus holds keeps its stages and named figures packed (issue 15: memory flat in
/// corpus size), and reads, writes and encodes exactly as the run it was.
@Suite struct PackedRunTests {
    /// A run with every packed map filled, names built at run time as a replay builds them.
    static func run(_ seed: Int) -> RunResult {
        var run = Fixtures.run()
        for endpoint in 0..<25 {
            let name = ["spotify", "endpoint", String(endpoint)].joined(separator: "_")
            run.requests.byEndpoint[name] = EndpointAnswers(exact: seed + endpoint, composed: endpoint, synthesized: seed)
        }
        for stage in run.stages.map(\.path) {
            run.requests.timeBySource[stage, default: SourceTimes()].add(1_000 * seed, .observed)
            run.requests.timeBySource[stage, default: SourceTimes()].add(7, .modelled)
        }
        for counter in 0..<22 { run.counters["counter_number_\(counter)"] = Double(seed) / Double(counter + 1) }
        return run
    }

    static func encoded(_ run: RunResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(run)
    }

    @Test func aPackedRunReadsComparesAndEncodesAsTheRunItWas() throws {
        let run = Self.run(3)
        let packed = run.interned
        #expect(packed == run)
        #expect(packed.stages == run.stages)
        #expect(packed.counters == run.counters)
        #expect(packed.requests.byEndpoint == run.requests.byEndpoint)
        #expect(packed.requests.timeBySource == run.requests.timeBySource)
        #expect(packed.timingTree == run.timingTree)
        #expect(try Self.encoded(packed) == Self.encoded(run))
        let decoded = try JSONDecoder().decode(RunResult.self, from: Self.encoded(packed))
        #expect(decoded == run)
        var hasher = (Hasher(), Hasher())
        hasher.0.combine(packed.requests)
        hasher.1.combine(run.requests)
        #expect(hasher.0.finalize() == hasher.1.finalize())
    }

    @Test func runsThatDifferStillDifferOncePacked() {
        let (first, second) = (Self.run(3), Self.run(4))
        #expect(first.interned != second.interned)
        var moved = first
        moved.stages[0].durationMicros += 1
        #expect(moved.interned != first.interned)
        var recounted = first
        recounted.counters["counter_number_0"] = -1
        #expect(recounted.interned != first.interned)
    }

    @Test func aPackedRunCanStillBeWritten() {
        var packed = Self.run(3).interned
        packed.counters["counter_number_0"] = 42
        packed.requests.byEndpoint["spotify_endpoint_1", default: EndpointAnswers()].exact += 1
        packed.stages.append(StageSpan(name: "later", startMicros: 5, durationMicros: 6))
        var expected = Self.run(3)
        expected.counters["counter_number_0"] = 42
        expected.requests.byEndpoint["spotify_endpoint_1", default: EndpointAnswers()].exact += 1
        expected.stages.append(StageSpan(name: "later", startMicros: 5, durationMicros: 6))
        #expect(packed == expected)
    }

    @Test func packedRunsShareTheirNamesAndStageShapes() throws {
        let (a, b) = (Self.run(3).interned, Self.run(4).interned)
        let nameA = try #require(a.requests.byEndpoint.keys.first { $0.utf8.count > 15 })
        let nameB = try #require(b.requests.byEndpoint.keys.first { $0 == nameA })
        #expect(RunInterningTests.storage(nameA) == RunInterningTests.storage(nameB))
        let pathA = try #require(a.stages.first { $0.path.utf8.count > 15 }?.path)
        let pathB = try #require(b.stages.first { $0.path == pathA }?.path)
        #expect(RunInterningTests.storage(pathA) == RunInterningTests.storage(pathB))
    }

    @Test func aRunWithoutItsBreakdownRanksAsTheWholeRun() {
        var runs = [Self.run(3), Self.run(4), Self.run(5)]
        runs[1].counters[RunResult.extrapolatedRatePrefix + "spotify_per_1s"] = 20
        let lean = runs.map(\.withoutBreakdown)
        #expect(lean.allSatisfy { $0.stages.isEmpty && $0.requests.byEndpoint.isEmpty && $0.requests.timeBySource.isEmpty })
        #expect(lean.map(\.totalSeconds) == runs.map(\.totalSeconds))
        #expect(lean.map(\.counters) == runs.map(\.counters))
        for metric in ["total", "p50", "p95"] {
            let whole = SweepReport.row(name: "x", spec: "x", runs: runs, metricName: metric, baseMetric: 90, baseRuns: runs)
            let slim = SweepReport.row(name: "x", spec: "x", runs: lean, metricName: metric, baseMetric: 90, baseRuns: lean)
            #expect(slim == whole)
        }
    }
}
