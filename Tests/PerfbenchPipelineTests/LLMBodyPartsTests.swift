import PerfbenchRuntime
import Testing

@testable import PerfbenchPipeline

/// Comparing an LLM call with a recorded body by its user message says what comparing whole
/// bodies says.
@Suite("LLM body parts")
struct LLMBodyPartsTests {
    /// Calls whose bodies need every kind of escape, number and optional member.
    static func calls() -> [LLMCall] {
        var random = SplitMix64(seed: 29)
        let prompts = ["rainy day", #"say "hi" \ back/slash"#, "tab\tnew\nline \u{1} é 🎵", ""]
        func features() -> [String: Double] {
            ["energy": Double(random.next() % 100_000) / 99_999, "valence": -0.0, "tempo": 120.123456, "loudness": -1e-7]
        }
        var calls: [LLMCall] = []
        for (number, prompt) in prompts.enumerated() {
            let tracks = (0..<3).map { position in
                LLMTrackInput(id: "t\(position)", name: "Song \"\(position)\"", artist: "A/\(position)", features: position == 1 ? nil : features())
            }
            let artists = [LLMArtistInput(id: "a1", name: "Ünïcode", genres: ["indie", "lo-fi \"bedroom\""])]
            calls.append(LLMCall(task: .moodAnalysis, input: LLMRequestInput(prompt: prompt)))
            calls.append(LLMCall(task: .qualityEvaluation, input: LLMRequestInput(prompt: prompt, tracks: tracks, count: number)))
            calls.append(LLMCall(task: .artistValidation, input: LLMRequestInput(prompt: prompt, artists: artists)))
            calls.append(LLMCall(task: .improvementStrategy, input: LLMRequestInput(prompt: prompt, quality: features())))
        }
        return calls
    }

    /// Recorded bodies to compare with: every call's own, and bodies another writer could have
    /// written for the same call (other escapes, spacing, model).
    static func recordedBodies(_ calls: [LLMCall]) -> [String] {
        calls.flatMap { call -> [String] in
            let body = call.body
            return [
                body,
                body.replacingOccurrences(of: #"\""#, with: #"\u0022"#),
                body.replacingOccurrences(of: #""content":""#, with: #""content": ""#),
                body.replacingOccurrences(of: "/", with: #"\/"#),
                body.replacingOccurrences(of: LLMWire.defaultModel, with: "gpt-4o"),
                body.replacingOccurrences(of: "é", with: #"\u00e9"#),
                String(body.dropLast()),
            ]
        }
    }

    @Test func theMessageComparisonSaysWhatTheBodyComparisonSays() {
        let calls = Self.calls()
        let recorded = Self.recordedBodies(calls)
        var equal = 0
        for call in calls {
            let message = LLMBodyParts.userMessage(call.input)
            for body in recorded {
                let byParts = LLMBodyParts.userMessage(in: body, task: call.task).map { $0 == message } ?? false
                #expect(byParts == (call.body == body), "\(call.task) against \(body)")
                if call.body == body { equal += 1 }
            }
        }
        // Each call matches its own body (and a variant only where the variant is the same text).
        #expect(equal >= calls.count)
    }

    @Test func aCallsOwnBodyGivesBackItsMessageAndLength() {
        for call in Self.calls() {
            let message = LLMBodyParts.userMessage(call.input)
            #expect(LLMBodyParts.userMessage(in: call.body, task: call.task) == message)
            #expect(LLMBodyParts.bodyByteCount(task: call.task, userMessage: message) == call.body.utf8.count)
            let other: LLMTask = call.task == .moodAnalysis ? .intentAnalysis : .moodAnalysis
            #expect(LLMBodyParts.userMessage(in: call.body, task: other) == nil)
        }
    }

    /// The body's length is counted without writing it, byte by byte as the writer escapes.
    @Test func everyByteIsCountedAsWideAsItIsWritten() {
        for byte in UInt8.min...UInt8.max {
            var written = 0
            JSONEscape.write(byte) { _ in written += 1 }
            #expect(JSONEscape.width(byte) == written, "byte \(byte)")
        }
    }
}
