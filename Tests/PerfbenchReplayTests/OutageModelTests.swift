import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReport
import PerfbenchWorld
import Testing

@testable import PerfbenchReplay

/// A recording that shows a host down for a stretch (a streak of timeouts no chance explains)
/// gives the interval an alternative where the host stays down (issue 14 §3).
@Suite struct OutageModelTests {
    /// 100 ReccoBeats calls a second apart; `timeouts` lists which ones timed out.
    static func index(timeouts: Set<Int>) -> ReplayIndex {
        let events = (0..<100).map { n in
            Fixtures.exchange(
                "r\(n)", at: Double(n), took: timeouts.contains(n) ? 30 : 0.3, .reccobeats,
                "https://api.reccobeats.com/v1/track/\(n)/audio-features", outcome: timeouts.contains(n) ? .timeout : .ok)
        }
        return ReplayIndex(recording: Fixtures.recording(events))
    }

    @Test func aStreakNoChanceExplainsIsAnOutageFromItsFirstCall() {
        // Twelve in a row from call 60, three more apart: 15 of 100 time out.
        let index = Self.index(timeouts: Set(60..<72).union([5, 20, 90]))
        let model = OutageModel(answers: index.answers, keys: index.keys)
        #expect(model.byService[.reccobeats] == OutageModel.Outage(startMicros: 60_000_000, streak: 12))
        #expect(model.byService[.spotify] == nil)
    }

    @Test func timeoutsApartAreNoOutage() {
        // Fifteen timeouts, never more than two in a row: 100 · 0.15^2 is no surprise.
        let apart = Set([3, 4, 11, 19, 27, 28, 35, 43, 51, 59, 67, 75, 83, 91, 99])
        let index = Self.index(timeouts: apart)
        #expect(OutageModel(answers: index.answers, keys: index.keys).byService.isEmpty)
    }

    @Test func theOutageDrawsOfAWhatIfInAWorldThatWentDownMayNotFinish() throws {
        // bad-day under the unfamiliar mechanics: ReccoBeats timed out 28 times in a row, then
        // came back; guide-config there never finishes.
        let index = try WorldIndex.make("bad-day", seed: 1, prompt: 1, mechanics: "unfamiliar")
        #expect(index.models.outages.byService[.reccobeats] != nil)
        let config = try Preset.named("guide-config").configuration()
        let run = try ReplayRunner.replay(index: index, path: "bad-day", config: config, options: ReplayOptions()).run
        #expect(run.counters["replay_outage_timeouts"] == nil)
        // The plain replay says what the interval knows: the recording shows the host down.
        #expect(run.kindedWarnings.contains { $0.kind == "outage" && $0.text.contains("reccobeats down") })
        let atRecorded = try ReplayRunner.replay(index: index, path: "bad-day", config: nil, options: ReplayOptions()).run
        #expect(!atRecorded.kindedWarnings.contains { $0.kind == "outage" })
        var options = ReplayOptions()
        options.draw = 3
        options.outagePersists = ReplayOptions.outagePersists(draw: 3)
        let down = try ReplayRunner.replay(index: index, path: "bad-day", config: config, options: options).run
        #expect((down.counters["replay_outage_timeouts"] ?? 0) > 0)
        #expect(down.totalSeconds > PredictionInterval.runLimitSeconds)
    }
}
