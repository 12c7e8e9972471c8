import Testing

@testable import PerfbenchRuntime

@Suite("VirtualClock and the driver")
struct VirtualClockTests {
    @Test func sleepMovesTimeExactlyByItsDuration() throws {
        let replay = try VirtualTime.run { clock in
            try await clock.sleep(for: .milliseconds(1_500))
            let first = clock.now
            try await clock.sleep(for: .seconds(300))
            return first
        }
        #expect(replay.value == VirtualInstant(offset: .milliseconds(1_500)))
        #expect(replay.elapsed == .milliseconds(301_500))
    }

    @Test func sleepingOnTheClockItselfOrThroughTheClockProtocolMovesTimeAlike() throws {
        let replay = try VirtualTime.run { clock in
            try await clock.sleep(for: .milliseconds(700))
            let direct = clock.now
            try await Self.sleepThroughTheProtocol(clock, for: .milliseconds(700))
            return [direct, clock.now]
        }
        #expect(replay.value == [VirtualInstant(offset: .milliseconds(700)), VirtualInstant(offset: .milliseconds(1_400))])
    }

    /// `Clock`'s own `sleep(for:)`, not ``VirtualClock/sleep(for:tolerance:)``.
    static func sleepThroughTheProtocol<C: Clock>(_ clock: C, for duration: C.Duration) async throws {
        try await clock.sleep(for: duration)
    }

    @Test func sleepersWithTheSameDeadlineWakeInRegistrationOrder() throws {
        let replay = try VirtualTime.run { clock in
            let order = OrderLog()
            await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        try await clock.sleep(for: .seconds(5))
                        order.append(index)
                    }
                }
            }
            return order.values
        }
        #expect(replay.value == Array(0..<10))
        #expect(replay.elapsed == .seconds(5))
    }

    @Test func sleepUntilThePastReturnsAtOnce() throws {
        let replay = try VirtualTime.run { clock in
            try await clock.sleep(for: .seconds(2))
            try await clock.sleep(until: .zero)
            return clock.now
        }
        #expect(replay.value.offset == .seconds(2))
    }

    @Test func cancellingASleeperDoesNotMoveTime() throws {
        let replay = try VirtualTime.run { clock in
            try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask {
                    do {
                        try await clock.sleep(for: .seconds(100))
                        return "slept"
                    } catch is CancellationError {
                        return "cancelled at \(clock.now)"
                    }
                }
                group.addTask {
                    try await clock.sleep(for: .seconds(1))
                    return "short"
                }
                let first = try await group.next()
                group.cancelAll()
                let second = try await group.next()
                return [first, second].compactMap { $0 }
            }
        }
        #expect(replay.value == ["short", "cancelled at t+1.000000s"])
        #expect(replay.elapsed == .seconds(1))
    }

    @Test func alreadyCancelledTaskThrowsWithoutSleeping() throws {
        let replay = try VirtualTime.run { clock in
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.cancelAll()
                group.addTask {
                    do {
                        try await clock.sleep(for: .seconds(10))
                        return false
                    } catch {
                        return error is CancellationError
                    }
                }
                return try await group.next() ?? false
            }
        }
        #expect(replay.value)
        #expect(replay.elapsed == .zero)
    }

    @Test func errorsFromTheOperationPropagate() {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try VirtualTime.run { clock in
                try await clock.sleep(for: .seconds(1))
                throw Boom()
            }
        }
    }

    @Test func escapedTaskProducesTheStalledError() {
        do {
            _ = try VirtualTime.run { _ in
                // The unstructured task runs on the global executor and waits on real time.
                await Task { try? await Task.sleep(for: .milliseconds(200)) }.value
            }
            Issue.record("an escaped task must not finish the replay")
        } catch let error as VirtualTimeError {
            guard case .stalled = error else {
                Issue.record("expected stalled, got \(error)")
                return
            }
            #expect(error.description.contains("unstructured Task"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func escapedTaskUsingTheVirtualClockIsRefused() {
        #expect(throws: VirtualTimeError.self) {
            try VirtualTime.run { clock in
                try await Task.detached { try await clock.sleep(for: .seconds(1)) }.value
            }
        }
    }

    @Test func replayCountsItsJobs() throws {
        let replay = try VirtualTime.run { _ in
            for _ in 0..<100 { await Task.yield() }
        }
        #expect(replay.jobs >= 100)
        #expect(replay.elapsed == .zero)
    }
}

/// An append-only list shared by the tasks of one replay.
final class OrderLog: @unchecked Sendable {
    // Only touched from the replay's single driver thread.
    private var storage: [Int] = []

    func append(_ value: Int) { storage.append(value) }
    var values: [Int] { storage }
}
