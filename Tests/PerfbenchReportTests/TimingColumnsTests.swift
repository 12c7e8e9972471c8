import PerfbenchRecording
import PerfbenchRuntime
import Testing

@testable import PerfbenchReport

/// A corpus's percentiles are gathered one run's tree at a time (issue 15: memory flat in
/// corpus size); they must be what the trees, held all at once, say.
@Suite struct TimingColumnsTests {
    /// Runs with random subsets of the fixture's stages, random times (seeded).
    static func runs(count: Int, seed: UInt64) -> [RunResult] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let spans = Fixtures.spans.compactMap { span -> StageSpan? in
                guard Int.random(in: 0..<5, using: &generator) > 0 else { return nil }
                var span = span
                span.startMicros = Int.random(in: 0...50_000_000, using: &generator)
                span.durationMicros = Int.random(in: 0...40_000_000, using: &generator)
                return span
            }
            return Fixtures.run(total: Double(Int.random(in: 90...200, using: &generator)), spans: spans)
        }
    }

    /// Percentile `p` of every tree's value at `path` (0 for a tree without it), read from the
    /// trees all at once.
    static func percentile(_ p: Double, _ trees: [TimingTree], _ path: String, _ value: (TimingNode) -> Int) -> Int {
        Percentiles.nearestRank(p, of: trees.map { $0.node(at: path).map(value) ?? 0 }) ?? 0
    }

    @Test(arguments: [1, 2, 7, 40])
    func percentilesGatheredRunByRunAreThoseOfAllTheTrees(count: Int) throws {
        let runs = Self.runs(count: count, seed: UInt64(count))
        let trees = runs.map(\.timingTree)
        let percentiles = CorpusPercentiles(runs: runs)
        #expect(percentiles == CorpusPercentiles(trees: trees))
        #expect(percentiles.runCount == count)
        #expect(percentiles.total == PercentileSummary(trees.map(\.totalSeconds)))
        let paths = Set(trees.flatMap { $0.nodes.dropFirst().map(\.path) })
        #expect(Set(percentiles.stages.keys) == paths)
        for path in paths {
            let seconds = trees.map { Double($0.node(at: path)?.micros ?? 0) / 1_000_000 }
            #expect(percentiles.stages[path] == PercentileSummary(seconds))
            for p in [50.0, 95.0] {
                let node = try #require(TimingTree.aggregate(trees, percentile: p).node(at: path))
                #expect(node.micros == Self.percentile(p, trees, path, \.micros))
                #expect(node.selfMicros == Self.percentile(p, trees, path, \.selfMicros))
                let starts = trees.compactMap { $0.node(at: path)?.startMicros }
                #expect(node.startMicros == Percentiles.nearestRank(p, of: starts))
            }
        }
        #expect(percentiles.medianTree.nodes.dropFirst().map(\.path).sorted() == paths.sorted())
    }
}
