import Foundation
import PerfbenchPipeline
import Testing

@Suite("Baseline call sequence")
struct BaselineCallSequenceTests {
    static let goldenPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Golden/baseline-calls.txt").path

    /// Every upstream call of a small baseline workflow: when, which tool, what request. Set
    /// PERFBENCH_UPDATE_GOLDEN=1 to rewrite the golden file after an intended model change.
    @Test func baselineCallsMatchTheGoldenList() throws {
        let outcome = try WorkflowHarness.run()
        let lines = outcome.calls.map { call in
            "\(String(format: "%.2f", call.start)) \(call.tool)\(call.task.map { "/" + $0 } ?? "") \(call.method) \(call.pathAndQuery)"
        }
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["PERFBENCH_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: Self.goldenPath, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: Self.goldenPath, encoding: .utf8)
        let expected = golden.split(separator: "\n").map(String.init)
        #expect(lines.count == expected.count)
        for (index, (actual, wanted)) in zip(lines, expected).enumerated() where actual != wanted {
            Issue.record("call \(index + 1) differs:\n  got      \(actual)\n  expected \(wanted)")
            break
        }
    }

    @Test func sameWorkflowTwiceMakesIdenticalCalls() throws {
        let first = try WorkflowHarness.run()
        let second = try WorkflowHarness.run()
        #expect(first.calls == second.calls)
        #expect(first.result.total == second.result.total)
        #expect(first.result.events == second.result.events)
    }

    @Test func secondWorkflowOfASessionFindsWarmCaches() throws {
        let one = try WorkflowHarness.run()
        let two = try WorkflowHarness.run(workflows: 2)
        #expect(two.result.counters.cacheHits > one.result.counters.cacheHits)
        #expect(two.result.total < one.result.total)
    }
}
