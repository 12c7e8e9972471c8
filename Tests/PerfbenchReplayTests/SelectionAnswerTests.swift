import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import Testing

@testable import PerfbenchReplay

/// A recorded LLM selection made for another input keeps what that input still offers and,
/// when the request asked for a number, picks as many as before (issue 14 §1: never silently
/// the recorded answer to another input).
@Suite struct SelectionAnswerTests {
    static func request(_ member: String, ids: [String], count: Int?) throws -> String {
        var input: [String: Any] = ["prompt": "rainy jazz", member: ids.map { ["id": $0] }]
        if let count { input["count"] = count }
        let user = String(decoding: try JSONSerialization.data(withJSONObject: input, options: [.sortedKeys]), as: UTF8.self)
        let envelope: [String: Any] = ["messages": [["role": "system", "content": "task: x"], ["role": "user", "content": user]]]
        return String(decoding: try JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys]), as: UTF8.self)
    }

    static func ids(_ body: String?) -> [String] {
        JudgmentModel.content(body)?["ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    @Test func aCountedSelectionKeepsTheOfferedRecordedIdsAndFillsUpInInputOrder() throws {
        let recorded = ResponseSynthesizer.envelope(#"{"ids":["a","b","c"]}"#)
        let body = try Self.request("artists", ids: ["d", "b", "e", "a", "f"], count: 3)
        let reselected = SelectionAnswer.reselected(HTTPResponse(status: 200, body: recorded), task: .artistValidation, input: try #require(LLMUserInput(body: body)))
        // a and b were picked before and are offered again; c is not offered, so the first
        // offered id not yet kept (d) takes its place: three, as the LLM picked before.
        #expect(Self.ids(reselected) == ["a", "b", "d"])
        // Seed and anchor picks list tracks.
        let tracks = try Self.request("tracks", ids: ["c", "a", "x"], count: 2)
        #expect(Self.ids(SelectionAnswer.reselected(HTTPResponse(status: 200, body: recorded), task: .seedSelection, input: try #require(LLMUserInput(body: tracks)))) == ["a", "c"])
    }

    @Test func whatStillFitsStandsAndOtherTasksAreLeftAlone() throws {
        let recorded = ResponseSynthesizer.envelope(#"{"ids":["a","b"]}"#)
        // Every recorded id is offered: the recorded answer stands.
        let same = try Self.request("artists", ids: ["b", "a", "z"], count: 2)
        #expect(SelectionAnswer.reselected(HTTPResponse(status: 200, body: recorded), task: .artistValidation, input: try #require(LLMUserInput(body: same))) == nil)
        // A filter asked for no number keeps what fits, which only the recorded input showed.
        let filter = try Self.request("tracks", ids: ["a", "q", "r"], count: nil)
        #expect(SelectionAnswer.reselected(HTTPResponse(status: 200, body: recorded), task: .anchorFilter, input: try #require(LLMUserInput(body: filter))) == nil)
        // Not a selection.
        #expect(SelectionAnswer.reselected(HTTPResponse(status: 200, body: recorded), task: .qualityEvaluation, input: try #require(LLMUserInput(body: same))) == nil)
    }

    @Test func nov07UnderShipped1113ValidatesAsManyArtistsAsTheRecordingDid() throws {
        let index = ReplayIndex(recording: try Recording.load(from: WarmCacheTests.nov07))
        let config = try Preset.named("shipped-11-13").configuration()
        let outcome = try ReplayRunner.replay(index: index, path: "nov07", config: config, options: ReplayOptions())
        #expect((outcome.run.counters["replay_llm_reselected"] ?? 0) >= 1)
        let recordedArtists = Set(Self.topTrackArtists(index.recording.events))
        let replayedArtists = Set(Self.topTrackArtists(outcome.workflow.events))
        #expect(replayedArtists.count == recordedArtists.count, "\(replayedArtists.count) artists, recorded \(recordedArtists.count)")
    }

    static func topTrackArtists(_ events: [RecordingEvent]) -> [String] {
        events.compactMap { event in
            guard case .exchange(let exchange) = event, exchange.url.hasSuffix("/top-tracks?market=US") else { return nil }
            return exchange.url.components(separatedBy: "/artists/").last?.components(separatedBy: "/").first
        }
    }
}
