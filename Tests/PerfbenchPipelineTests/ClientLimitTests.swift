@testable import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchRuntime
import Testing

@Suite("Client-side limits")
struct ClientLimitTests {
    @Test func windowLimiterReproducesTheWorkedExample() {
        // A real log: oldest stamp this minute at :15.1, check at :27.3 -> wait 47.8 s.
        let limiter = WindowLimiter(limit: 1)
        limiter.stamp(at: .milliseconds(15_100))
        #expect(limiter.delay(at: .milliseconds(27_300)) == .milliseconds(47_800))
    }

    @Test func windowLimiterForgetsStampsOfEarlierMinutes() {
        let limiter = WindowLimiter(limit: 1)
        limiter.stamp(at: .seconds(50))
        #expect(limiter.delay(at: .seconds(61)) == .zero)
        let offset = WindowLimiter(limit: 1, minuteOffset: .seconds(30))
        offset.stamp(at: .seconds(20))
        // Virtual 20 s is wall :50; virtual 35 s is wall :05 of the next minute.
        #expect(offset.delay(at: .seconds(35)) == .zero)
    }

    /// The limiter waits exactly as the rule says (drop the stamps of earlier minutes, wait for
    /// the oldest once at the limit) for stamps in any order, any limit and minute offset.
    @Test func windowLimiterFollowsTheRuleForAnyStamps() {
        var random = SplitMix64(seed: 17)
        for round in 0..<300 {
            let limit = 1 + Int(random.next() % 6)
            let offset = Duration.milliseconds(Int64(random.next() % 60_000))
            let limiter = WindowLimiter(limit: limit, minuteOffset: offset)
            var stamps: [Duration] = []
            var now = Duration.zero
            for _ in 0..<80 {
                // Mostly forward in time, sometimes a stamp from the past (stamps need not be sorted).
                let step = Duration.milliseconds(Int64(random.next() % 9_000))
                now += step
                if random.next() % 3 == 0 {
                    let stamp = round % 2 == 0 ? now : now - .milliseconds(Int64(random.next() % 70_000))
                    limiter.stamp(at: stamp)
                    stamps.append(stamp)
                } else {
                    let minuteStart = WindowLimiter.minuteStart(containing: now + offset) - offset
                    stamps.removeAll { $0 < minuteStart }
                    var expected = Duration.zero
                    if stamps.count >= limit, let oldest = stamps.min() {
                        expected = max(.zero, .seconds(60) - (now - oldest))
                    }
                    #expect(limiter.delay(at: now) == expected)
                }
            }
        }
    }

    @Test func minIntervalIsMeasuredFromTheLastCompletion() {
        let gate = MinIntervalGate(interval: .seconds(1))
        #expect(gate.delay(at: .seconds(5)) == .zero)
        gate.completed(at: .seconds(5))
        #expect(gate.delay(at: .milliseconds(5_300)) == .milliseconds(700))
        #expect(gate.delay(at: .seconds(7)) == .zero)
    }

    @Test func inFlightDedupSharesOneUpstreamCallUnderTheToggle() throws {
        // Two callers, and five: every follower of the one call in flight is handed its answer.
        for (mode, callers, expected) in [("cached", 2, 2), ("in-flight", 2, 1), ("cached", 5, 5), ("in-flight", 5, 1)] {
            var config = PipelineConfiguration.baseline
            try config.set(.requestDedup, to: mode)
            let chosen = config
            let calls = try VirtualTime.run { clock in
                let upstream = ScriptedUpstream(clock: clock)
                let session = PipelineSession(config: chosen, transport: upstream, clock: PipelineClock(clock))
                try await session.testingConcurrentMappingCalls(ids: ["abc"], count: callers)
                return upstream.calls.count
            }.value
            #expect(calls == expected, "request-dedup=\(mode), \(callers) callers")
        }
    }
}

/// No upstream value traps the clock (issue 18 §1): a Retry-After that is not a usable number of
/// seconds counts as absent, one beyond a year as a year.
@Suite struct RetryAfterParsingTests {
    @Test(arguments: [
        ("2", 2.0), (" 4.5 ", 4.5), ("0", 0.0), ("1e300", 365.0 * 86_400), ("31536001", 365.0 * 86_400),
    ])
    func usableValuesAreSecondsCappedAtAYear(_ value: String, _ expected: Double) {
        #expect(HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", value)], body: "").retryAfterSeconds == expected)
    }

    @Test(arguments: ["nan", "inf", "-inf", "1e400", "-5", "soon", ""])
    func unusableValuesCountAsAbsent(_ value: String) {
        #expect(HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", value)], body: "").retryAfterSeconds == nil)
    }
}
