import PerfbenchPipeline
import Testing

@Suite("Workflow on a scripted upstream")
struct WorkflowSmokeTests {
    @Test func baselineRunProducesEveryStage() throws {
        let outcome = try WorkflowHarness.run()
        let paths = Set(outcome.result.stages.map(\.path))
        for expected in [
            "workflow", "intent_analysis", "mood_analysis", "orchestration",
            "orchestration/initial_generation", "orchestration/initial_generation/seed_gathering",
            "orchestration/initial_generation/seed_gathering/anchor_selection",
            "orchestration/initial_generation/recommendation_generation/seed_based",
            "orchestration/final_processing", "playlist_ordering",
        ] {
            #expect(paths.contains(expected), "missing stage \(expected)")
        }
        print("total", outcome.result.total, "calls", outcome.calls.count, "quality", outcome.result.quality)
        for call in outcome.calls.prefix(400) { print(String(format: "%8.2f", call.start), call.tool, call.description) }
    }
}
