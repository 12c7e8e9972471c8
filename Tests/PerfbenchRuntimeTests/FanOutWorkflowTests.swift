import Foundation
import Testing

@testable import PerfbenchRuntime

@Suite("The runtime study's toy workflow")
struct FanOutWorkflowTests {
    /// Hand-computed from the study's script: three lanes under the semaphore; request 3 holds
    /// its permit through the 20 s Retry-After; request 7 is cut off at 1.9 + 30 s.
    static let expectedTimeline = [
        "0.000 r0 start", "0.000 r1 start", "0.000 r2 start",
        "0.500 r0 response 200", "0.500 r3 start",
        "0.800 r2 response 200", "0.800 r4 start",
        "1.100 r4 response 200", "1.100 r5 start",
        "1.200 r1 response 200", "1.200 r6 start",
        "1.900 r6 response 200", "1.900 r7 start",
        "2.500 r3 response 429",
        "2.600 r5 response 200", "2.600 r8 start",
        "3.500 r8 response 200", "3.500 r9 start",
        "5.100 r9 response 200", "5.100 r10 start",
        "5.500 r10 response 200", "5.500 r11 start",
        "6.500 r11 response 200",
        "22.500 r3 retry",
        "23.100 r3 response 200",
        "31.900 r7 timeout",
    ]

    @Test(arguments: FanOutWorkflow.TimeoutStyle.allCases)
    func studyWorkflowProducesTheHandComputedTimeline(style: FanOutWorkflow.TimeoutStyle) throws {
        var workflow = FanOutWorkflow.study
        workflow.timeoutStyle = style
        let chosen = workflow
        let replay = try VirtualTime.run { clock in try await chosen.run(on: clock) }
        #expect(replay.value.map(\.description) == Self.expectedTimeline)
        #expect(replay.elapsed == .milliseconds(31_900))
    }

    @Test func hundredReplaysAreIdentical() throws {
        let first = try VirtualTime.run { clock in try await FanOutWorkflow.study.run(on: clock) }
        for _ in 0..<100 {
            let again = try VirtualTime.run { clock in
                try await FanOutWorkflow.study.run(on: clock)
            }
            #expect(again.value == first.value)
            #expect(again.elapsed == first.elapsed)
            #expect(again.jobs == first.jobs)
        }
    }

    @Test func replaysOnTwoThreadsAtOnceMatchOneAlone() throws {
        let workflow = FanOutWorkflow.generated(count: 300, permits: 3, seed: 42, timeoutStyle: .race)
        let alone = try VirtualTime.run { clock in try await workflow.run(on: clock) }
        let results = ThreadResults()
        let threads = (0..<2).map { index in
            Thread {
                for _ in 0..<20 {
                    let replay = Result {
                        try VirtualTime.run { clock in try await workflow.run(on: clock) }
                    }
                    results.add(index, replay.map { "\($0.elapsed) \($0.jobs) \($0.value)" })
                }
            }
        }
        threads.forEach { $0.start() }
        results.waitForAll(count: 40)
        let expected = "\(alone.elapsed) \(alone.jobs) \(alone.value)"
        #expect(results.values.count == 40)
        for value in results.values {
            #expect(try value.get() == expected)
        }
    }

    @Test func scaledWorkflowOnTheRealClockKeepsItsShape() async throws {
        // The close timing comparison runs in its own process (the end-to-end demo test), where
        // no other test holds the concurrency pool; here: the same events happen on real time.
        let virtual = try VirtualTime.run { clock in try await FanOutWorkflow.study.run(on: clock) }
        // ÷100 keeps every gap (≥ 3 ms) well above scheduling noise; order of simultaneous
        // events may differ on a real clock, so the events are compared as sets.
        let events = try await FanOutWorkflow.study.scaled(down: 100).run(on: ContinuousClock())
        let key = { (event: FanOutWorkflow.Event) in "\(event.request) \(event.kind.rawValue) \(event.status ?? 0)" }
        #expect(events.map(key).sorted() == virtual.value.map(key).sorted())
    }

    @Test func generatedWorkflowIsReproduciblePerSeed() throws {
        let a = FanOutWorkflow.generated(count: 50, seed: 9)
        let b = FanOutWorkflow.generated(count: 50, seed: 9)
        let c = FanOutWorkflow.generated(count: 50, seed: 10)
        #expect(a.requests == b.requests)
        #expect(a.requests != c.requests)
    }
}

/// Collects results from plain threads and lets the test wait for them.
private final class ThreadResults: @unchecked Sendable {
    // Guarded by `condition`.
    private var storage: [Result<String, any Error>] = []
    private let condition = NSCondition()

    func add(_ thread: Int, _ result: Result<String, any Error>) {
        condition.lock()
        storage.append(result)
        condition.broadcast()
        condition.unlock()
    }

    func waitForAll(count: Int) {
        condition.lock()
        while storage.count < count { condition.wait() }
        condition.unlock()
    }

    var values: [Result<String, any Error>] {
        condition.lock()
        defer { condition.unlock() }
        return storage
    }
}
