import Testing

@testable import PerfbenchRuntime

@Suite("ScaledClock")
struct ScaledClockTests {
    // Real-time upper bounds here only tell a scaled sleep from an unscaled one: tests running
    // in parallel may hold the concurrency pool for seconds, so a wake-up can be very late.

    @Test func sleepingTwoWorldSecondsAtScale100TakesTwentyMillisecondsOrMore() async throws {
        let clock = ScaledClock(timeScale: 100)
        let real = ContinuousClock()
        let started = real.now
        try await clock.sleep(for: .seconds(2))
        let took = started.duration(to: real.now)
        #expect(took >= .milliseconds(20), "\(took)")
        #expect(clock.now.offset >= .seconds(2))
    }

    @Test func aLongWorldSleepAtAHighScaleIsShortInRealTime() async throws {
        // 200 world seconds at scale 10,000: 20 ms real, where an unscaled sleep would take 200 s.
        let clock = ScaledClock(timeScale: 10_000)
        let real = ContinuousClock()
        let started = real.now
        try await clock.sleep(for: .seconds(200))
        #expect(started.duration(to: real.now) < .seconds(150))
        #expect(clock.now.offset >= .seconds(200))
    }

    @Test func nowAdvancesScaleTimesFasterThanRealTime() async throws {
        let clock = ScaledClock(timeScale: 100)
        let real = ContinuousClock()
        let realStart = real.now
        let worldStart = clock.now
        try await real.sleep(for: .milliseconds(30))
        let worldElapsed = worldStart.duration(to: clock.now)
        let realElapsed = realStart.duration(to: real.now)
        // World time read inside the real interval: at least 100 × 30 ms, at most 100 × what passed.
        #expect(worldElapsed >= .seconds(3), "\(worldElapsed)")
        #expect(worldElapsed <= realElapsed * 100, "\(worldElapsed) vs \(realElapsed)")
    }

    @Test func scaleOneReadsAsTheContinuousClock() async throws {
        let real = ContinuousClock()
        let realStart = real.now
        let clock = ScaledClock(timeScale: 1)
        try await clock.sleep(for: .milliseconds(20))
        let worldNow = clock.now.offset
        #expect(worldNow >= .milliseconds(20))
        #expect(worldNow <= realStart.duration(to: real.now))
        #expect(clock.real(.seconds(3)) == .seconds(3))
        #expect(clock.world(.seconds(3)) == .seconds(3))
    }

    @Test func conversionsDivideAndMultiplyByTheScale() {
        let clock = ScaledClock(timeScale: 50)
        #expect(clock.real(.seconds(30)) == .milliseconds(600))
        #expect(clock.world(.milliseconds(600)) == .seconds(30))
        #expect(clock.minimumResolution >= .nanoseconds(1))
    }

    @Test func sleepUntilThePastReturnsAtOnce() async throws {
        let clock = ScaledClock(timeScale: 1)
        let real = ContinuousClock()
        let started = real.now
        try await clock.sleep(until: .init(offset: .seconds(-120)))
        #expect(started.duration(to: real.now) < .seconds(120))
    }

    @Test func cancellingASleeperThrowsPromptly() async throws {
        let clock = ScaledClock(timeScale: 1)
        let real = ContinuousClock()
        let started = real.now
        let outcome = await withTaskGroup(of: String.self) { group in
            group.addTask {
                do {
                    try await clock.sleep(for: .seconds(600))
                    return "slept"
                } catch is CancellationError {
                    return "cancelled"
                } catch {
                    return "other"
                }
            }
            group.cancelAll()
            return await group.next() ?? "none"
        }
        #expect(outcome == "cancelled")
        // Seen: 38 s on a loaded CI machine, the test's own task waiting for a thread.
        #expect(started.duration(to: real.now) < .seconds(300))
    }

    @Test func aTimeoutRacesOnWorldTime() async throws {
        let clock = ScaledClock(timeScale: 200)
        await #expect(throws: TimeoutError.self) {
            try await withTimeout(.seconds(2), on: clock) {
                try await clock.sleep(for: .seconds(60))
            }
        }
    }
}
