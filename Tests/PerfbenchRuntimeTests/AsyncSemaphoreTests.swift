import Testing

@testable import PerfbenchRuntime

@Suite("AsyncSemaphore")
struct AsyncSemaphoreTests {
    @Test func waitersAreServedInArrivalOrder() throws {
        let replay = try VirtualTime.run { clock in
            let semaphore = AsyncSemaphore(permits: 1)
            let order = OrderLog()
            await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        try await semaphore.withPermit {
                            order.append(index)
                            try await clock.sleep(for: .seconds(1))
                        }
                    }
                }
            }
            return order.values
        }
        #expect(replay.value == Array(0..<6))
        #expect(replay.elapsed == .seconds(6))
    }

    @Test func neverMoreHoldersThanPermits() throws {
        let replay = try VirtualTime.run { clock in
            let semaphore = AsyncSemaphore(permits: 3)
            let gauge = Gauge()
            await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await semaphore.withPermit {
                            gauge.enter()
                            try await clock.sleep(for: .milliseconds(100 * (index % 4 + 1)))
                            gauge.leave()
                        }
                    }
                }
            }
            return (gauge.peak, semaphore.availablePermits)
        }
        #expect(replay.value.0 == 3)
        #expect(replay.value.1 == 3)
    }

    @Test func cancelledWaiterLeavesTheLineWithoutTakingAPermit() throws {
        let replay = try VirtualTime.run { clock in
            let semaphore = AsyncSemaphore(permits: 1)
            let outcome = try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask {
                    try await semaphore.withPermit { try await clock.sleep(for: .seconds(10)) }
                    return "holder done at \(clock.now)"
                }
                group.addTask {
                    do {
                        try await semaphore.withPermit {}
                        return "waiter got a permit"
                    } catch is CancellationError {
                        return "waiter cancelled at \(clock.now)"
                    }
                }
                group.addTask {
                    try await clock.sleep(for: .seconds(1))
                    return "canceller"
                }
                var seen: [String] = []
                // The canceller finishes first; cancel the waiter (and only it is still waiting).
                if let first = try await group.next() { seen.append(first) }
                #expect(semaphore.waiterCount == 1)
                group.cancelAll()
                while !group.isEmpty {
                    // The holder is cancelled too: its error is not what this test is about.
                    if let next = try? await group.next() { seen.append(next) }
                }
                return seen
            }
            return (outcome, semaphore.availablePermits, semaphore.waiterCount)
        }
        #expect(replay.value.0.first == "canceller")
        #expect(replay.value.0.contains("waiter cancelled at t+1.000000s"))
        #expect(replay.value.1 == 1)
        #expect(replay.value.2 == 0)
    }

    @Test func cancellingAPermitHolderGivesThePermitBack() throws {
        let replay = try VirtualTime.run { clock in
            let semaphore = AsyncSemaphore(permits: 1)
            await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await semaphore.withPermit { try await clock.sleep(for: .seconds(100)) }
                }
                group.addTask { try await clock.sleep(for: .seconds(2)) }
                _ = try? await group.next()
                group.cancelAll()
            }
            let afterCancel = clock.now
            // The permit is free again: taking it does not wait.
            try await semaphore.withPermit {}
            return (afterCancel, semaphore.availablePermits)
        }
        #expect(replay.value.0.offset == .seconds(2))
        #expect(replay.value.1 == 1)
        #expect(replay.elapsed == .seconds(2))
    }

    @Test func worksOnTheRealClock() async throws {
        let semaphore = AsyncSemaphore(permits: 2)
        let gauge = Gauge()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    try await semaphore.withPermit {
                        gauge.enter()
                        try await ContinuousClock().sleep(for: .milliseconds(5))
                        gauge.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(gauge.peak <= 2)
        #expect(semaphore.availablePermits == 2)
    }
}

/// Tracks how many tasks are inside a section at once.
final class Gauge: @unchecked Sendable {
    private let lock = NSLockLike()
    private var current = 0
    private(set) var peak = 0

    func enter() {
        lock.run {
            current += 1
            peak = max(peak, current)
        }
    }

    func leave() {
        lock.run { current -= 1 }
    }
}
