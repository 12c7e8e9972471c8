import Foundation
import PerfbenchRecording
import PerfbenchRuntime
import Testing

@testable import PerfbenchReplay

/// A task the recording called once moves with its request by the cost per request kB that
/// every task's calls show together, not in proportion to its size (issue 14 §1: the LLM's time
/// sized to the request).
@Suite struct LLMSizeModelTests {
    /// Calls whose time is 2 s + 0.15 s per request kB + 3 s per answer kB, exactly.
    static func calls() -> [(input: Int, output: Int, latency: Duration)] {
        [(400, 300, 0), (27_000, 600, 0), (6_000, 900, 0), (3_500, 1_400, 0), (4_100, 120, 0), (1_800, 800, 0)].map {
            let seconds = 2 + 0.15 * Double($0.0) / 1000 + 3 * Double($0.1) / 1000
            return ($0.0, $0.1, .microseconds(Int64((seconds * 1_000_000).rounded())))
        }
    }

    @Test func theFitSeparatesReadingThePromptFromWritingTheAnswer() throws {
        let model = try #require(LLMSizeModel(calls: Self.calls()))
        #expect(abs(model.perInputKB - 0.15) < 1e-6)
        #expect(abs(model.perOutputKB - 3) < 1e-6)
        // A filter that reads 11 kB less but writes the same answer saves what reading 11 kB
        // costs, not 40 % of its time as a proportional scaling would have it.
        let recorded = Duration.seconds(7.24)
        let moved = model.latency(recorded: recorded, recordedBytes: 27_500, bytes: 16_500)
        #expect(abs(moved.seconds - (7.24 - 0.15 * 11)) < 1e-5)
        #expect(moved.seconds > 7.24 * 16_500 / 27_500)
    }

    @Test func tooFewCallsOrAnUnphysicalFitGiveNoModel() {
        #expect(LLMSizeModel(calls: Array(Self.calls().prefix(4))) == nil)
        // Time falling as the request grows.
        var falling: [(input: Int, output: Int, latency: Duration)] = []
        for step in 0..<6 {
            falling.append((input: 1_000 * (step + 1), output: 100 * (step % 2 + 1), latency: .seconds(10 - step)))
        }
        #expect(LLMSizeModel(calls: falling) == nil)
        // Never below a tenth of the recorded time however much shorter the request.
        let model = LLMSizeModel(calls: Self.calls())
        #expect(model?.latency(recorded: .seconds(1), recordedBytes: 100_000, bytes: 0) == .milliseconds(100))
    }

    @Test func theBundledGuide197RecordingHasAPooledFit() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Recordings/guide197.jsonl.gz").path
        let index = ReplayIndex(recording: try Recording.load(from: path))
        let model = try #require(LLMSizeModel(answers: index.answers, keys: index.keys))
        // Reading a kB costs far less than writing one.
        #expect(model.perInputKB > 0 && model.perInputKB < model.perOutputKB)
    }
}
