import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchWorld
import Testing

@testable import PerfbenchReplay

/// A later draw of a what-if makes every call again: a call times out as often as its endpoint's
/// did in the recording, whichever calls those were (issue 14 §4: the truth is one more run).
@Suite struct RedrawnTimeoutTests {
    static func badDay() throws -> ReplayIndex {
        try WorldIndex.make("bad-day", seed: 1, prompt: 1)
    }

    @Test func theIntervalOfAWorldWithTimeoutsSpreadsBothWaysAroundThePlainReplay() throws {
        let index = try Self.badDay()
        let config = try Preset.named("guide-immediate").configuration()
        let run = try ReplayRunner.replay(index: index, path: "bad-day", config: config, options: ReplayOptions()).run
        let interval = try ReplayRunner.interval(
            of: run, index: index, path: "bad-day", config: config, options: ReplayOptions(), draws: 10)
        // Before: every draw kept the recorded timeouts and added its own, so none was faster.
        #expect(interval.drawTotals.contains { $0 < run.totalSeconds - 1 }, "\(interval.drawTotals)")
        #expect(interval.drawTotals.contains { $0 > run.totalSeconds + 1 }, "\(interval.drawTotals)")
    }

    @Test func aLaterDrawTurnsSomeRecordedTimeoutsIntoAnswersAndNeverThePlainReplay() throws {
        let index = try Self.badDay()
        let config = try Preset.named("guide-immediate").configuration()
        var options = ReplayOptions()
        let plain = try ReplayRunner.replay(index: index, path: "bad-day", config: config, options: options).run
        #expect(plain.counters["replay_rerun_successes"] == nil)
        var answered = 0.0
        for draw in UInt64(1)...6 {
            options.draw = draw
            let run = try ReplayRunner.replay(index: index, path: "bad-day", config: config, options: options).run
            answered += run.counters["replay_rerun_successes"] ?? 0
        }
        #expect(answered > 0)
        // The recorded configuration replays its recorded timeouts in every draw.
        options.draw = 3
        let recorded = try ReplayRunner.replay(index: index, path: "bad-day", config: nil, options: options).run
        #expect(recorded.counters["replay_rerun_successes"] == nil)
    }

    @Test func anEndpointCalledOnceTakesItsServicesSpreadInLaterDraws() {
        // One final evaluation, three energy analyses of other sizes, three Spotify track calls.
        let llm = "https://api.openai.com/v1/chat/completions"
        var events: [RecordingEvent] = [
            Fixtures.exchange("x1", at: 0, took: 4.4, .llm, llm, requestBody: Fixtures.llmBody("final_evaluation", "a"))
        ]
        for (n, seconds) in [7.0, 8.0, 9.6].enumerated() {
            events.append(
                Fixtures.exchange(
                    "x\(n + 2)", at: Double(10 * (n + 1)), took: seconds, .llm, llm,
                    requestBody: Fixtures.llmBody("energy_analysis", String(repeating: "b", count: n + 1))))
        }
        for n in 0..<3 {
            events.append(Fixtures.exchange("s\(n)", at: Double(50 + n), took: 0.2 + 0.1 * Double(n), .spotify, "https://api.spotify.com/v1/tracks/4iV5W9uYEdYUVa79Axb7R\(n)"))
        }
        let book = ReplayIndex(recording: Fixtures.recording(events)).models.latencies
        let once = RequestKey(HTTPRequest(service: .llm, method: "POST", path: "/v1/chat/completions", body: Fixtures.llmBody("final_evaluation", "a"), tool: "llm"))
        let thrice = RequestKey(HTTPRequest(service: .llm, method: "POST", path: "/v1/chat/completions", body: Fixtures.llmBody("energy_analysis", "b"), tool: "llm"))
        let own = book.rerunSpread(for: thrice)
        #expect(own > 0)
        // Once is no spread of its own: it takes the pooled one of the tasks that show one.
        #expect(book.rerunSpread(for: once) == own)
        // A Spotify endpoint never recorded takes Spotify's.
        let other = RequestKey(HTTPRequest(service: .spotify, path: "/v1/artists/0OdUWJ0sBjDrqHygGUXeCF", tool: "get_artist"))
        #expect(book.rerunSpread(for: other) > 0)
    }
}
