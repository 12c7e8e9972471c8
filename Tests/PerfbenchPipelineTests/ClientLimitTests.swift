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

    @Test func minIntervalIsMeasuredFromTheLastCompletion() {
        let gate = MinIntervalGate(interval: .seconds(1))
        #expect(gate.delay(at: .seconds(5)) == .zero)
        gate.completed(at: .seconds(5))
        #expect(gate.delay(at: .milliseconds(5_300)) == .milliseconds(700))
        #expect(gate.delay(at: .seconds(7)) == .zero)
    }

    @Test func inFlightDedupSharesOneUpstreamCallUnderTheToggle() throws {
        for (mode, expected) in [("cached", 2), ("in-flight", 1)] {
            var config = PipelineConfiguration.baseline
            try config.set(.requestDedup, to: mode)
            let chosen = config
            let calls = try VirtualTime.run { clock in
                let upstream = ScriptedUpstream(clock: clock)
                let session = PipelineSession(config: chosen, transport: upstream, clock: PipelineClock(clock))
                try await session.testingConcurrentMappingCalls(ids: ["abc"], count: 2)
                return upstream.calls.count
            }.value
            #expect(calls == expected, "request-dedup=\(mode)")
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
