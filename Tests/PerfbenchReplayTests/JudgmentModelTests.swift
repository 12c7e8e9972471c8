import Foundation
import PerfbenchImport
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchWorld
import Testing

@testable import PerfbenchReplay

/// The LLM's judgment re-asked in distribution (issue 14 §1).
@Suite struct JudgmentModelTests {
    static let recording = try? Synthesizer.synthesize(profile: .nov07, seed: 46, promptIndex: 0).recording

    /// The recorded quality evaluation: its request body and score.
    static func evaluation(_ index: ReplayIndex) throws -> (body: String, score: Double) {
        let exchange = try #require(index.recording.exchanges.first { $0.requestBody?.contains("task: quality_evaluation") == true })
        let body = try #require(exchange.requestBody)
        let score = try #require(JudgmentModel.content(exchange.responseBody)?["score"]?.doubleValue)
        return (body, score)
    }

    /// `body` with only the first `kept` tracks of its playlist.
    static func shortened(_ body: String, keeping kept: Int) throws -> String {
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        var messages = try #require(envelope["messages"] as? [[String: Any]])
        let userText = try #require(messages.last?["content"] as? String)
        var user = try #require(try JSONSerialization.jsonObject(with: Data(userText.utf8)) as? [String: Any])
        user["tracks"] = Array(try #require(user["tracks"] as? [Any]).prefix(kept))
        messages[messages.count - 1]["content"] = String(decoding: try JSONSerialization.data(withJSONObject: user, options: [.sortedKeys]), as: UTF8.self)
        var copy = envelope
        copy["messages"] = messages
        return String(decoding: try JSONSerialization.data(withJSONObject: copy, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func theSamePlaylistKeepsItsScoreAndAnotherIsMovedAndSpread() throws {
        let index = ReplayIndex(recording: try #require(Self.recording))
        let model = try #require(index.models.judgment)
        let (body, score) = try Self.evaluation(index)
        let input = try #require(LLMUserInput(body: body))
        // The recorded playlist: the recorded score, in every draw.
        #expect(model.score(for: input, recordedScore: score, recordedInput: input, z: 0) == score)
        #expect(abs((model.score(for: input, recordedScore: score, recordedInput: input, z: 2) ?? 0) - score) <= 2 * model.residualSpread + 1e-12)
        // Half the playlist: a spread that grows with the share changed, so draws differ.
        let other = try Self.shortened(body, keeping: 6)
        let otherInput = try #require(LLMUserInput(body: other))
        let middle = try #require(model.score(for: otherInput, recordedScore: score, recordedInput: input, z: 0))
        let high = try #require(model.score(for: otherInput, recordedScore: score, recordedInput: input, z: 1))
        #expect(high > middle)
        #expect((0...1).contains(middle))
        let answer = try #require(index.recording.exchanges.first { $0.requestBody == body }?.responseBody)
        let rescored = try #require(JudgmentModel.rescored(HTTPResponse(status: 200, body: answer), score: 0.42))
        #expect(JudgmentModel.content(rescored)?["score"]?.doubleValue == 0.42)
    }

    @Test func laterDrawsTakeEachSourceOfTheSensitivityInTurn() throws {
        let index = ReplayIndex(recording: try #require(Self.recording))
        let model = try #require(index.models.judgment)
        #expect(model.sensitivity(draw: 0) == model.sensitivity)
        let sources = model.moves + [JudgmentModel.priorSensitivity]
        let drawn = (UInt64(1)...UInt64(sources.count)).map { model.sensitivity(draw: $0) }
        #expect(drawn == sources)
        // A draw whose sensitivity is the prior spreads a changed playlist's score by it.
        let (body, score) = try Self.evaluation(index)
        let input = try #require(LLMUserInput(body: body))
        let other = try Self.shortened(body, keeping: 6)
        let otherInput = try #require(LLMUserInput(body: other))
        let prior = UInt64(sources.count)
        let middle = try #require(model.score(for: otherInput, recordedScore: score, recordedInput: input, z: 0, draw: prior))
        let high = try #require(model.score(for: otherInput, recordedScore: score, recordedInput: input, z: 1, draw: prior))
        // One standard deviation: the residual and the prior times the share of the playlist changed.
        let ids = { (text: String) in JudgmentModel.ids(LLMUserInput(body: text)?.tracks ?? []) }
        let changed = JudgmentModel.changedShare(ids(other), ids(body))
        #expect(changed > 0)
        let spread = (model.residualSpread * model.residualSpread
            + JudgmentModel.priorSensitivity * JudgmentModel.priorSensitivity * changed * changed).squareRoot()
        #expect(abs((high - middle) - (min(1, middle + spread) - middle)) < 1e-9, "high \(high), middle \(middle), spread \(spread)")
    }

    /// An imported log's LLM requests are placeholders: there is no playlist to judge.
    @Test func anImportedLogHasNoModel() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = folder.appendingPathComponent("Recordings/logs/moodlist-2025-11-07-workflow-306s.log.gz").path
        let workflow = try #require(try MoodlistLogImporter().importFile(path: path).firstUsable)
        #expect(ReplayIndex(recording: workflow.recording).models.judgment == nil)
    }
}
