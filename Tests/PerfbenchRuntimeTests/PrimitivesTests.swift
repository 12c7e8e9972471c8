import Testing

@testable import PerfbenchRuntime

@Suite("Timeout, keyed lock and bounded fan-out")
struct PrimitivesTests {
    @Test func operationFasterThanTheDeadlineWins() throws {
        let replay = try VirtualTime.run { clock in
            try await withTimeout(.seconds(30), on: clock) {
                try await clock.sleep(for: .seconds(2))
                return "done"
            }
        }
        #expect(replay.value == "done")
        #expect(replay.elapsed == .seconds(2))
    }

    @Test func deadlineCancelsTheSlowOperation() throws {
        let replay = try VirtualTime.run { clock in
            let cancelled = Flag()
            do {
                _ = try await withTimeout(.seconds(30), on: clock) {
                    do {
                        try await clock.sleep(for: .seconds(45))
                    } catch is CancellationError {
                        cancelled.set()
                        throw CancellationError()
                    }
                }
                return "finished"
            } catch let error as TimeoutError {
                return "timeout \(error.limit) cancelled=\(cancelled.value)"
            }
        }
        #expect(replay.value == "timeout 30.0 seconds cancelled=true")
        // The loser's 45 s timer was dropped: time stops at the deadline.
        #expect(replay.elapsed == .seconds(30))
    }

    @Test func timeoutOnTheRealClock() async throws {
        await #expect(throws: TimeoutError.self) {
            try await withTimeout(.milliseconds(20), on: ContinuousClock()) {
                try await ContinuousClock().sleep(for: .seconds(5))
            }
        }
    }

    @Test func keyedLockSerializesOneKeyAndNotOthers() throws {
        let replay = try VirtualTime.run { clock in
            let lock = KeyedSerialLock<String>()
            let finish = StampLog()
            await withThrowingTaskGroup(of: Void.self) { group in
                for (index, key) in ["a", "a", "b", "a"].enumerated() {
                    group.addTask {
                        try await lock.withLock(key) {
                            try await clock.sleep(for: .seconds(1))
                            finish.append("\(index)\(key)@\(clock.now.offset.seconds)")
                        }
                    }
                }
            }
            return (finish.values, lock.activeKeyCount)
        }
        #expect(replay.value.0 == ["0a@1.0", "2b@1.0", "1a@2.0", "3a@3.0"])
        #expect(replay.value.1 == 0)
        #expect(replay.elapsed == .seconds(3))
    }

    @Test func concurrentMapKeepsInputOrderAndItsBound() throws {
        let replay = try VirtualTime.run { clock in
            let gauge = Gauge()
            let latencies = [5, 1, 4, 2, 3, 1, 1, 2]
            let results = try await concurrentMap(latencies, maxConcurrent: 3) { seconds in
                gauge.enter()
                try await clock.sleep(for: .seconds(seconds))
                gauge.leave()
                return seconds * 10
            }
            return (results, gauge.peak)
        }
        #expect(replay.value.0 == [50, 10, 40, 20, 30, 10, 10, 20])
        #expect(replay.value.1 == 3)
        // Three lanes: 5, 1 (ends 6) | 1, 2, 3 (ends 6) | 4, 1, 2 (ends 7).
        #expect(replay.elapsed == .seconds(7))
    }

    @Test func concurrentMapOfOneLaneRunsInOrderOneAtATimeAndStopsAtTheFirstError() throws {
        struct Broken: Error, Equatable { var value: Int }
        let replay = try VirtualTime.run { clock in
            let gauge = Gauge()
            let results = try await concurrentMap([3, 1, 2], maxConcurrent: 1) { seconds in
                gauge.enter()
                try await clock.sleep(for: .seconds(seconds))
                gauge.leave()
                return seconds * 10
            }
            let single = try await concurrentMap([4], maxConcurrent: 8) { $0 + 1 }
            return (results, gauge.peak, single)
        }
        #expect(replay.value.0 == [30, 10, 20])
        #expect(replay.value.1 == 1)
        #expect(replay.value.2 == [5])
        #expect(replay.elapsed == .seconds(6))
        let started = Gauge()
        #expect(throws: Broken(value: 2)) {
            try VirtualTime.run { _ in
                try await concurrentMap([1, 2, 3], maxConcurrent: 1) { value in
                    started.enter()
                    if value == 2 { throw Broken(value: 2) }
                    return value
                }
            }
        }
        #expect(started.peak == 2)
    }

    @Test func concurrentMapRethrowsTheFirstError() {
        struct Broken: Error, Equatable { var index: Int }
        #expect(throws: Broken(index: 2)) {
            try VirtualTime.run { clock in
                try await concurrentMap([1, 2, 3, 4], maxConcurrent: 2) { value in
                    try await clock.sleep(for: .seconds(value))
                    if value == 2 { throw Broken(index: 2) }
                    return value
                }
            }
        }
    }
}

/// A boolean set once from inside a replay.
final class Flag: @unchecked Sendable {
    // Only touched from the replay's single driver thread.
    private(set) var value = false
    func set() { value = true }
}

/// An append-only list of strings shared by the tasks of one replay.
final class StampLog: @unchecked Sendable {
    // Only touched from the replay's single driver thread.
    private var storage: [String] = []
    func append(_ value: String) { storage.append(value) }
    var values: [String] { storage }
}
