import PerfbenchRecording
import Testing

@testable import PerfbenchReport

@Suite("TimingTree")
struct TimingTreeTests {
    let tree = TimingTree(spans: Fixtures.spans, totalMicros: 100_000_000)

    @Test func nestsStagesByPathUnderTheWorkflowRoot() throws {
        #expect(tree.root.name == "workflow")
        #expect(tree.root.path == "")
        #expect(tree.root.children.map(\.name) == ["intent_analysis", "mood_analysis", "orchestration", "playlist_ordering"])
        let gathering = try #require(tree.node(at: Fixtures.seedGathering))
        #expect(gathering.children.map(\.name) == ["anchor_selection", "artist_discovery"])
        #expect(gathering.depth == 3)
        #expect(tree.nodes.count == 14)
    }

    @Test func ordersChildrenByStartThenName() throws {
        let generation = try #require(tree.node(at: Fixtures.generation))
        #expect(generation.children.map(\.name) == ["artist_based", "seed_based"])
    }

    @Test func overlappingChildrenKeepTheirOwnWallTime() throws {
        let generation = try #require(tree.node(at: Fixtures.generation))
        #expect(generation.micros == 30_000_000)
        #expect(generation.children.map(\.micros) == [30_000_000, 15_000_000])
        #expect(generation.selfMicros == 0, "the children cover all of it")
        let childPercents = generation.children.map { tree.percent(of: $0) }
        #expect(childPercents.reduce(0, +) > tree.percent(of: generation), "overlap may sum past the parent")
    }

    @Test func percentIsOfTheWorkflowTotal() throws {
        #expect(tree.percent(of: tree.root) == 100)
        #expect(tree.percent(of: try #require(tree.node(at: "orchestration"))) == 90)
        #expect(tree.percent(of: try #require(tree.node(at: "intent_analysis"))) == 2)
        let empty = TimingTree(spans: [], totalMicros: 0)
        #expect(empty.percent(of: empty.root) == 0)
    }

    @Test func rootDefaultsToTheLastSpanEnd() {
        let tree = TimingTree(spans: [Fixtures.span("a", 1, 4)])
        #expect(tree.root.micros == 4_000_000)
        #expect(tree.root.selfMicros == 1_000_000)
    }

    @Test func marksTheThreeStagesWithTheMostSelfTime() {
        #expect(tree.largestPaths == [
            Fixtures.generation + "/artist_based", "orchestration/iterative_improvement",
            Fixtures.seedGathering + "/anchor_selection",
        ])
        #expect(!tree.isLargest("orchestration"), "an ancestor is not marked for its children's time")
    }

    @Test func largestMarksAnInnerStageWhoseOwnTimeIsLarge() {
        let spans = [Fixtures.span("outer", 0, 50), Fixtures.span("outer/inner", 0, 5), Fixtures.span("other", 50, 60)]
        let tree = TimingTree(spans: spans, largestCount: 1)
        #expect(tree.largestPaths == ["outer"], "45 s of outer are in no child")
    }

    @Test func largestTiesAreBrokenByPathAndZeroIsNeverMarked() {
        let spans = [Fixtures.span("b", 0, 5), Fixtures.span("a", 5, 10), Fixtures.span("z", 10, 10)]
        #expect(TimingTree(spans: spans, largestCount: 5).largestPaths == ["a", "b"])
    }

    @Test func missingParentsAreImpliedFromTheirChildren() throws {
        let tree = TimingTree(spans: [Fixtures.span("a/b/c", 2, 5), Fixtures.span("a/d", 6, 7)])
        let a = try #require(tree.node(at: "a"))
        #expect(a.startMicros == 2_000_000)
        #expect(a.micros == 4_000_000, "the union of its children's time")
        #expect(a.selfMicros == 0)
        #expect(try #require(tree.node(at: "a/b")).micros == 3_000_000)
    }

    @Test func repeatedSpansCountTheirUnion() throws {
        let spans = [
            Fixtures.span("quality_evaluation", 0, 2), Fixtures.span("quality_evaluation", 10, 13),
            Fixtures.span("quality_evaluation", 12, 14),
        ]
        let node = try #require(TimingTree(spans: spans).node(at: "quality_evaluation"))
        #expect(node.micros == 6_000_000)
        #expect(node.startMicros == 0)
    }

    @Test func zeroLengthSpanKeepsItsStart() throws {
        let node = try #require(TimingTree(spans: [Fixtures.span("a", 3, 3)], totalMicros: 5_000_000).node(at: "a"))
        #expect(node.startMicros == 3_000_000)
        #expect(node.micros == 0)
    }

    @Test func aWorkflowSpanIsTheRootAndItsPrefixIsDropped() throws {
        let spans = [
            Fixtures.span("workflow", 0, 12), Fixtures.span("workflow/a", 0, 4), Fixtures.span("b", 4, 6),
        ]
        let tree = TimingTree(spans: spans)
        #expect(tree.root.micros == 12_000_000)
        #expect(tree.root.children.map(\.path) == ["a", "b"])
        #expect(TimingTree(spans: spans, totalMicros: 20_000_000).root.micros == 20_000_000)
    }

    @Test func buildingIgnoresSpanOrder() {
        #expect(TimingTree(spans: Array(Fixtures.spans.reversed()), totalMicros: 100_000_000) == tree)
    }

    @Test func aggregateTakesNearestRankPerStageAndCountsMissingStagesAsZero() throws {
        let trees = [10.0, 20, 30].map { end in TimingTree(spans: [Fixtures.span("a", 0, end)]) }
            + [TimingTree(spans: [Fixtures.span("b", 0, 40)])]
        let median = TimingTree.aggregate(trees, percentile: 50)
        #expect(try #require(median.node(at: "a")).micros == 10_000_000, "P50 of 0, 10, 20, 30 is rank 2")
        #expect(try #require(median.node(at: "b")).micros == 0)
        #expect(median.root.micros == 20_000_000)
        let p95 = TimingTree.aggregate(trees, percentile: 95)
        #expect(try #require(p95.node(at: "b")).micros == 40_000_000)
    }
}
