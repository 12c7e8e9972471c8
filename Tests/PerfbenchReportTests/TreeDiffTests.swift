import Foundation
import Testing

@testable import PerfbenchReport

@Suite("TreeDiff")
struct TreeDiffTests {
    let diff = TreeDiff(base: Fixtures.run().timingTree, candidate: Fixtures.fasterRun().timingTree)

    @Test func deltasPerStage() throws {
        #expect(diff.root.deltaSeconds == -35)
        #expect(diff.root.deltaPercent == -35)
        let anchor = try #require(diff.node(at: Fixtures.seedGathering + "/anchor_selection"))
        #expect(anchor.baseSeconds == 20)
        #expect(anchor.candidateSeconds == 10)
        #expect(anchor.deltaSeconds == -10)
        #expect(anchor.deltaPercent == -50)
        let unchanged = try #require(diff.node(at: "intent_analysis"))
        #expect(unchanged.deltaSeconds == 0)
        #expect(unchanged.deltaPercent == 0)
    }

    @Test func stagesOnOneSideOnlyAreKept() throws {
        let removed = try #require(diff.node(at: "orchestration/iterative_improvement"))
        #expect(removed.inBase && !removed.inCandidate)
        #expect(removed.deltaPercent == -100)
        let added = try #require(diff.node(at: "orchestration/prefetch"))
        #expect(!added.inBase && added.inCandidate)
        #expect(added.deltaPercent == nil)
        let orchestration = try #require(diff.node(at: "orchestration"))
        #expect(orchestration.children.map(\.name) == [
            "initial_generation", "iterative_improvement", "final_processing", "prefetch",
        ], "base order, then stages only the candidate has")
    }

    @Test func marksTheStagesWhoseOwnTimeMovedMost() {
        #expect(diff.moverPaths == [
            "orchestration/iterative_improvement", Fixtures.seedGathering + "/anchor_selection", "orchestration/prefetch",
        ])
    }

    @Test func textShowsBothSidesAndTheDelta() {
        let text = TextReport.render(DiffReport(base: [Fixtures.run()], candidate: [Fixtures.fasterRun()]))
        #expect(text.hasPrefix("perfbench diff: baseline → guide-immediate (1 recording)\nworkflow: 100.00s → 65.00s  -35.00s (-35.0%)\n"))
        #expect(text.contains("│  ├─ iterative_improvement: 25.00s → —  -25.00s (-100.0%) ← largest mover\n"))
        #expect(text.contains("│  └─ prefetch: — → 1.00s  +1.00s (new) ← largest mover\n"))
        #expect(text.contains("quality: overall 0.77 → 0.74, cohesion 0.66 → 0.66, tracks 20 → 20 (quality dropped)"))
        #expect(!text.contains("total (nearest rank)"), "a single recording needs no percentile block")
    }

    @Test func jsonFollowsTheDiffSchema() throws {
        let report = DiffReport(
            base: [Fixtures.run(recording: "a"), Fixtures.run(recording: "b", total: 110)],
            candidate: [Fixtures.fasterRun(), Fixtures.fasterRun()])
        let object = try JSONSerialization.jsonObject(with: Data(JSONReport.render(report).utf8))
        let json = try #require(object as? [String: Any])
        #expect(json["schema"] as? String == "perfbench.diff/1")
        #expect((json["base"] as? [String: Any])?["name"] as? String == "baseline")
        #expect((json["candidate"] as? [String: Any])?["name"] as? String == "guide-immediate")
        let tree = try #require(json["tree"] as? [String: Any])
        #expect(Set(tree.keys).isSuperset(of: ["name", "base_seconds", "candidate_seconds", "delta_seconds", "delta_percent", "children"]))
        #expect(tree["base_seconds"] as? Double == 100, "P50 of 100 and 110")
        #expect(tree["candidate_seconds"] as? Double == 65)
        let children = try #require(tree["children"] as? [[String: Any]])
        let orchestration = try #require(children.first { $0["name"] as? String == "orchestration" })
        let prefetch = try #require((orchestration["children"] as? [[String: Any]])?.last)
        #expect(prefetch["delta_percent"] is NSNull)
        let total = try #require((json["percentiles"] as? [String: Any])?["total_seconds"] as? [String: [String: Double]])
        #expect(total["p95"] == ["base": 110, "candidate": 65, "delta_seconds": -45, "delta_percent": -40.909])
    }

    @Test func markdownHasTheDiffTableAndPercentilesOverACorpus() {
        let report = DiffReport(base: [Fixtures.run(), Fixtures.run()], candidate: [Fixtures.fasterRun(), Fixtures.fasterRun()])
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("| workflow | 100.00 | 65.00 | -35.00 | -35.0% |"))
        #expect(markdown.contains("| p95 | 100.00 | 65.00 | -35.00 | -35.0% |"))
        #expect(markdown.contains("(quality dropped) ⚠️"))
    }
}
