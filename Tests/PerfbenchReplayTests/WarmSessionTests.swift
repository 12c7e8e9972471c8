import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import PerfbenchWorld
import Testing

/// `--session N`: the same workflow again in one pipeline session, caches warm.
@Suite struct WarmSessionTests {
    static let recording: Recording? = try? Synthesizer.synthesize(
        profile: WorldProfile.named("nov07") ?? .standard, seed: 46, promptIndex: 0
    ).recording

    static func replay(runs: Int, gap: Duration = .zero) throws -> RunResult {
        var options = ReplayOptions()
        options.sessionRuns = runs
        options.sessionGap = gap
        let recording = try #require(Self.recording)
        return try ReplayRunner.replay(index: ReplayIndex(recording: recording), path: "nov07", config: nil, options: options).run
    }

    @Test func laterRunsFindTheCachesTheFirstFilled() throws {
        let cold = try Self.replay(runs: 1)
        let session = try Self.replay(runs: 3)
        // The first run is the cold run, unchanged.
        var first = session
        first.laterRuns = []
        #expect(JSONReport.render(first) == JSONReport.render(cold))
        #expect(session.laterRuns.count == 2)
        for later in session.laterRuns {
            #expect(later.cache.hitRate > cold.cache.hitRate)
            #expect(later.requests.total < cold.requests.total)
            #expect(later.totalSeconds < cold.totalSeconds)
        }
        let summary = try #require(SessionSummary([session]))
        #expect(summary.runs.map(\.number) == [1, 2, 3])
        #expect(summary.repeatCache.hits == session.laterRuns.map(\.cache.hits).reduce(0, +))
        let repeatRate = try #require(try Criterion.parse("cache.hit_rate.repeat>50%").first)
        #expect(CriterionResult(repeatRate, runs: [session]).value == summary.repeatCache.hitRate * 100)
    }

    @Test func aGapLongerThanEveryTTLMakesTheNextRunColdAgain() throws {
        let cold = try Self.replay(runs: 1)
        // A hundred days, ending on a whole minute as the first run began (the window limiters
        // count calendar minutes, so the next run's waits depend on where in a minute it starts).
        let toMinute = 60_000_000 - cold.totalMicros % 60_000_000
        let session = try Self.replay(runs: 2, gap: .seconds(100 * 86_400) + .microseconds(toMinute))
        let second = try #require(session.laterRuns.first)
        #expect(second.totalSeconds == cold.totalSeconds)
        #expect(second.cache == cold.cache)
        #expect(second.requests.total == cold.requests.total)
    }

    @Test func aSessionReportsEveryRunAndTheRepeatHitRate() throws {
        let session = try Self.replay(runs: 2)
        let text = TextReport.render(session)
        #expect(text.contains("session: 2 runs each in one warm pipeline session; run 1 "))
        #expect(text.contains("runs 2–2: "))
        #expect(JSONReport.render(session).contains("\"repeat_cache\""))
        #expect(!JSONReport.render(try Self.replay(runs: 1)).contains("\"session\""))
    }
}
