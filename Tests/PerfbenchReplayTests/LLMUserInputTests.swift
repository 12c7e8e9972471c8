import PerfbenchRuntime
import Testing

@testable import PerfbenchPipeline
@testable import PerfbenchRecording
@testable import PerfbenchReplay

/// The replay reads a pipeline call's input from its values, a recorded call's from its body:
/// both must read the same of the same request, or a what-if would judge and select by other
/// numbers than the written body carries.
@Suite("LLMUserInput")
struct LLMUserInputTests {
    /// Shapes whose numbers sit where rounding to four decimals matters (halves, tiny, whole,
    /// negative, past the writable range), empty lists and missing members, then random ones.
    static let inputs: [LLMRequestInput] = [
        LLMRequestInput(prompt: "no members"),
        LLMRequestInput(
            prompt: "edges", tracks: [
                LLMTrackInput(id: "h", name: "half", artist: "a", features: ["energy": 0.00005, "valence": -0.00005, "tempo": 120]),
                LLMTrackInput(id: "t", name: "tiny", artist: "a", features: ["energy": 1e-9, "danceability": 0.123_449_99]),
                LLMTrackInput(id: "w", name: "wide", artist: "a", features: ["loudness": -1e16, "x": .nan]),
                LLMTrackInput(id: "n", name: "none", artist: "a", features: nil),
                LLMTrackInput(id: "e", name: "empty", artist: "a", features: [:]),
            ], count: 3),
        LLMRequestInput(prompt: "lists", tracks: [], artists: [], count: 0),
        LLMRequestInput(
            prompt: "artists", artists: [LLMArtistInput(id: "a\"1", name: "n", genres: ["g"]), LLMArtistInput(id: "", name: "", genres: [])]),
    ] + (0..<40).map(randomInput)

    /// An input of random shape whose strings draw from bytes that need escaping.
    static func randomInput(_ seed: Int) -> LLMRequestInput {
        var random = SplitMix64(seed: UInt64(seed) &+ 0x5EED)
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "\n", "\t", "\r", "\u{01}", "\u{1F}", "é", "♫", "/", "{", ":"]
        func text() -> String {
            String((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        func number() -> Double { (Double(random.next() % 2_000_001) - 1_000_000) / Double(1 + random.next() % 1_000) }
        func numbers() -> [String: Double] { Dictionary((0..<Int(random.next() % 5)).map { _ in (text(), number()) }) { first, _ in first } }
        let tracks = random.next() % 3 == 0 ? nil : (0..<Int(random.next() % 6)).map { _ in
            LLMTrackInput(id: text(), name: text(), artist: text(), features: random.next() % 2 == 0 ? nil : numbers())
        }
        let artists = random.next() % 3 == 0 ? nil : (0..<Int(random.next() % 4)).map { _ in
            LLMArtistInput(id: text(), name: text(), genres: (0..<Int(random.next() % 3)).map { _ in text() })
        }
        return LLMRequestInput(
            prompt: text(), tracks: tracks, artists: artists,
            count: random.next() % 2 == 0 ? nil : Int(random.next() % 100) - 50,
            quality: random.next() % 2 == 0 ? nil : numbers())
    }

    @Test(arguments: inputs)
    func valuesReadAsTheWrittenBodyReads(_ input: LLMRequestInput) throws {
        for task in [LLMTask.seedSelection, .artistValidation, .qualityEvaluation] {
            let call = LLMCall(task: task, input: input)
            let request = HTTPRequest(service: .llm, method: "POST", path: LLMWire.path, llmCall: call, tool: "llm")
            let fromValues = try #require(LLMUserInput(request: request))
            let fromBody = try #require(LLMUserInput(body: call.body))
            #expect(fromValues.count == fromBody.count)
            #expect(fromValues.artistIDs == fromBody.artistIDs)
            #expect(fromValues.tracks?.map(\.id) == fromBody.tracks?.map(\.id))
            #expect(fromValues.tracks?.map(\.features) == fromBody.tracks?.map(\.features))
            #expect(fromValues.offeredIDs("tracks") == fromBody.offeredIDs("tracks"))
            #expect(fromValues.offeredIDs("artists") == fromBody.offeredIDs("artists"))
        }
    }
}
