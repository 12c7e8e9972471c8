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
        let profile = try #require(WorldProfile.named("bad-day"))
        return ReplayIndex(recording: try Synthesizer.synthesize(profile: profile, seed: 1, promptIndex: 1).recording)
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

    @Test func anUnrecordedAlbumListingHoldsAsManyAlbumsAsARecordedOne() throws {
        let index = try Self.badDay()
        let catalogue = index.models.catalogue
        #expect(!catalogue.albumListingSizes.isEmpty)
        let synthesizer = ResponseSynthesizer(catalogue: catalogue)
        let request = HTTPRequest(
            service: .spotify, path: "/v1/artists/neverRecorded/albums", query: [.init("limit", "20")], tool: "get_artist_albums")
        var sizes = Set<Int>()
        for seed in UInt64(0)..<64 {
            let seeded = seed &* 0x9E37_79B9_7F4A_7C15
            let body = synthesizer.answer(request, key: RequestKey(request), seed: seeded).body
            let items = try #require(JSONParser.parse(body)["items"]?.arrayValue)
            sizes.insert(items.count)
        }
        #expect(sizes.isSubset(of: Set(catalogue.albumListingSizes.map { min($0, catalogue.albums.order.count) })))
        #expect(sizes.count > 1, "the size follows the recorded listings: \(sizes)")
    }
}
