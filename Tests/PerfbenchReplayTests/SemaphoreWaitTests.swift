import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchWorld
import Testing

/// Time in line for the global ReccoBeats semaphore is a wait of its own (issue 16).
@Suite struct SemaphoreWaitTests {
    static func replay(permits: String) throws -> RunResult {
        let recording = try Synthesizer.synthesize(profile: WorldProfile.named("nov07") ?? .standard, seed: 46).recording
        var config = PipelineConfiguration.baseline
        try config.set(.reccobeatsSemaphore, to: permits)
        try config.set(.parallelArtists, to: "8")
        return try ReplayRunner.replay(index: ReplayIndex(recording: recording), path: "nov07", config: config, options: ReplayOptions()).run
    }

    @Test func waitingForAPermitIsCountedAndSpannedAsSemaphoreWaits() throws {
        let narrow = try Self.replay(permits: "1")
        let wide = try Self.replay(permits: "64")
        let inLine = narrow.waitEvents.filter { $0.kind == .semaphore }
        #expect(narrow.waits.semaphoreCount == inLine.count)
        #expect(!inLine.isEmpty)
        #expect(inLine.allSatisfy { $0.durationMicros > 0 && $0.tool.hasPrefix("get_") })
        #expect(abs(narrow.waits.semaphoreSeconds - Double(inLine.map(\.durationMicros).reduce(0, +)) / 1_000_000) < 1e-6)
        #expect(wide.waits.semaphoreCount == 0)
        // Spans of their own in the trace, named by kind and tool.
        #expect(TraceEvents.render(narrow).contains("\"wait semaphore get_"))
        #expect(TextReport.render(narrow).contains(", semaphore \(narrow.waits.semaphoreCount) ("))
    }
}
