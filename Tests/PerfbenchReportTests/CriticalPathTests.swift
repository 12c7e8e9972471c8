import PerfbenchRecording
import Testing

@testable import PerfbenchReport

/// The critical path (issue 16 §1): what the workflow waited for, walked back from the end.
@Suite struct CriticalPathTests {
    static func exchange(_ id: String, _ start: Double, _ end: Double, tool: String, stage: String) -> Exchange {
        Exchange(
            id: id, startMicros: Int(start * 1_000_000), durationMicros: Int((end - start) * 1_000_000), service: .spotify,
            method: "GET", url: "https://api.spotify.com/v1/x", status: 200, tool: tool, stage: stage)
    }

    /// Two branches in parallel: A (0–10 s, then a 20 s window wait, then 30–35 s) and B (0–25 s).
    /// The join waits for A, so B is off the path; the 5 s after A is a pipeline step.
    static var run: RunResult {
        var run = RunResult(
            recording: "r", config: RunConfig(name: "baseline", phases: [:]), totalSeconds: 40,
            stages: [StageSpan(name: "a", path: "a", startMicros: 0, durationMicros: 40_000_000)],
            exchanges: [
                exchange("x1", 0, 10, tool: "first", stage: "a"), exchange("x2", 0, 25, tool: "parallel", stage: "a"),
                exchange("x3", 30, 35, tool: "second", stage: "a"),
            ])
        run.waitEvents = [Wait(kind: .window, tool: "second", startMicros: 10_000_000, durationMicros: 20_000_000, stage: "a")]
        return run
    }

    @Test func theJoinWaitsForTheBranchThatFinishedLast() {
        let path = CriticalPath(Self.run)
        #expect(path.segments.map(\.name) == ["spotify first", "wait window second", "spotify second", "step (a)"])
        #expect(path.segments.map(\.durationMicros) == [10_000_000, 20_000_000, 5_000_000, 5_000_000])
        #expect(path.seconds(of: .wait) == 20)
        #expect(path.byName.first?.name == "wait window second")
        #expect(!path.segments.contains { $0.name == "spotify parallel" })
    }

    @Test func explainNamesTheLargestLinksAndTheCorpusContributors() {
        let text = ExplainReport.text([Self.run])
        #expect(text.contains("requests 15.00 s, waits 20.00 s, pipeline steps 5.00 s"))
        #expect(text.contains("20.00 s at 10.00 s: wait window second in a"))
        var other = Self.run
        other.recording = "s"
        let corpus = ExplainReport.text([Self.run, other])
        #expect(corpus.contains("20.00 / 20.00 s  wait window second"))
        #expect(ExplainReport.json([Self.run]).contains("\"schema\": \"perfbench.explain/1\""))
    }

    @Test func aCorpusExplainedFromSummariesReadsAsFromEvents() {
        var faster = Self.run
        faster.recording = "s"
        faster.waitEvents = []
        faster.totalSeconds = 20
        let runs = [Self.run, faster, Self.run]
        let summaries = runs.map(CriticalPath.keepingOnlySummary)
        #expect(summaries.allSatisfy { $0.exchanges.isEmpty && $0.pathSummary != nil })
        #expect(ExplainReport.text(summaries) == ExplainReport.text(runs))
        #expect(ExplainReport.markdown(summaries) == ExplainReport.markdown(runs))
        #expect(ExplainReport.text(runs).contains("P95 is"))
    }

    @Test func aDiffSaysHowThePathMoved() {
        var faster = Self.run
        faster.waitEvents = []
        faster.exchanges[2].startMicros = 10_000_000
        faster.totalSeconds = 20
        let diff = DiffReport(base: [Self.run], candidate: [faster])
        #expect(diff.pathMoves.first?.label == "wait window second")
        #expect(diff.pathMoves.first?.deltaSeconds == -20)
        #expect(TextReport.render(diff).contains("critical path moved: wait window second 20.00 → 0.00 s"))
    }
}
