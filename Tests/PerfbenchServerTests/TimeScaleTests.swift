import Testing

@testable import PerfbenchServer

@Suite struct TimeScaleTests {
    @Test(arguments: [
        (1.0, "30", "30"), (1.0, "2", "2"), (50.0, "30", "0.6"), (1000.0, "30", "0.03"),
        (1000.0, "86400", "86.4"), (10_000.0, "1", "0.0001"), (3.0, "2", "0.666667"),
        (1000.0, "Wed, 21 Oct 2015 07:28:00 GMT", "Wed, 21 Oct 2015 07:28:00 GMT"),
    ])
    func retryAfterIsSentInRealSeconds(factor: Double, world: String, real: String) {
        #expect(TimeScale(factor: factor).realRetryAfter(world) == real)
    }

    @Test func timeScaleHeaderIsAPlainNumber() {
        #expect(TimeScale(factor: 1000).headerValue == "1000")
        #expect(TimeScale(factor: 2.5).headerValue == "2.5")
        #expect(TimeScale(factor: 1).headerValue == "1")
        #expect(Double(TimeScale(factor: 1.0 / 3).headerValue) == 1.0 / 3)
    }

    @Test func worldTimeRunsKTimesFasterAndLatenciesShrinkByK() {
        let scale = TimeScale(factor: 50)
        #expect(scale.worldTime(afterReal: .milliseconds(100)) == .seconds(5))
        #expect(scale.realDuration(ofWorld: .seconds(3)) == .milliseconds(60))
        #expect(TimeScale(factor: 1).realDuration(ofWorld: .milliseconds(300)) == .milliseconds(300))
    }
}
