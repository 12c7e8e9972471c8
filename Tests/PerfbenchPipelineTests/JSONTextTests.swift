import Testing

@testable import PerfbenchPipeline
@testable import PerfbenchRecording

@Suite("JSONText")
struct JSONTextTests {
    @Test(arguments: ["plain", "quote \" and \\ backslash", "line\nbreak\ttab\r", "bell \u{07}", "café ♫"])
    func quotedStringsParseBackToThemselves(_ text: String) throws {
        let quoted = JSONText.quoted(text)
        #expect(try JSONValue.parse("[\(quoted)]").arrayValue?.first?.stringValue == text)
    }

    /// Escaping copies unescaped runs whole from contiguous bytes, byte by byte from anything
    /// else: both write what `JSONText.quoted` does.
    @Test(arguments: ["", "plain", "quote \" and \\ backslash", "\"\"\\", "line\nbreak\ttab\r", "bell \u{07}\u{1F}", "café ♫", "{\"a\":[\"b\"]}"])
    func bufferedQuotesMatchJSONTextQuoted(_ text: String) {
        var contiguous = JSONBytes()
        contiguous.quoted(text)
        #expect(contiguous.string == JSONText.quoted(text))
        var byByte = JSONBytes()
        byByte.quoted(utf8: text.utf8.lazy.map { $0 })
        #expect(byByte.string == contiguous.string)
    }

    @Test func numbersAreFixedPointWithoutTrailingZeros() {
        #expect(JSONText.number(0.25) == "0.25")
        #expect(JSONText.number(3) == "3")
        #expect(JSONText.number(-0.5) == "-0.5")
        #expect(JSONText.number(0.12345) == "0.1235")
    }

    @Test(arguments: [
        0, 3, -3, 0.25, -0.5, 0.12345, -0.00004, -0.00005, 0.00005, 1e-9, 12.3, -12.3456, 99999.99995,
        -1e14, 1e15, 123_456_789.0123, .nan, .infinity, -.infinity, 0.7, 0.1 + 0.2, -0.0, 1000, 0.0001, 0.001,
    ] as [Double])
    func bufferedNumbersMatchJSONTextNumber(_ value: Double) {
        var out = JSONBytes()
        out.number(value)
        #expect(out.string == JSONText.number(value))
    }

    @Test func percentEncodingKeepsUnreservedAndEscapesTheRest() {
        #expect(HTTPRequest.percentEncode("abc-XYZ_0.9~,") == "abc-XYZ_0.9~,")
        #expect(HTTPRequest.percentEncode("genre:jazz & blues") == "genre%3Ajazz%20%26%20blues")
        #expect(HTTPRequest.percentEncode("café") == "caf%C3%A9")
        #expect(HTTPRequest.percentEncode("") == "")
    }

    /// The single-buffer LLM body writes exactly what composing `JSONText` strings writes.
    @Test(arguments: [
        LLMRequestInput(prompt: "plain"),
        LLMRequestInput(prompt: "quote \" and \\ backslash\nline\t\u{07} café ♫", count: 3),
        LLMRequestInput(prompt: "q", quality: ["energy": 0.5, "a\"b": -0.12345, "flow": 3]),
        LLMRequestInput(prompt: "q", quality: [:]),
        LLMRequestInput(
            prompt: "tracks", tracks: [
                LLMTrackInput(id: "t1", name: "Na\"me", artist: "Art\\ist", features: ["valence": 0.25, "energy": 0.7]),
                LLMTrackInput(id: "t2", name: "n", artist: "a\n", features: nil),
                LLMTrackInput(id: "t3", name: "", artist: "", features: [:]),
            ], count: 10),
        LLMRequestInput(prompt: "tracks", tracks: []),
        LLMRequestInput(
            prompt: "artists", artists: [
                LLMArtistInput(id: "a1", name: "Sigur Rós", genres: ["post-rock", "ice\"land"]),
                LLMArtistInput(id: "a2", name: "x", genres: []),
            ], count: 2),
        LLMRequestInput(prompt: "all", tracks: [], artists: [], count: 0, quality: ["x": 1]),
    ])
    func llmBodyMatchesComposedJSONText(_ input: LLMRequestInput) throws {
        for task in LLMTask.allCases {
            #expect(LLMClient.body(task, input) == Self.composedBody(task, input))
        }
        #expect(try JSONValue.parse(LLMClient.encode(input)).objectValue != nil)
    }

    /// The body as the `JSONText` string composition writes it (the former implementation).
    static func composedBody(_ task: LLMTask, _ input: LLMRequestInput) -> String {
        let system = task.systemLine + "\nAnswer with one JSON object."
        let messages = JSONText.array([
            JSONText.object([("role", JSONText.quoted("system")), ("content", JSONText.quoted(system))]),
            JSONText.object([("role", JSONText.quoted("user")), ("content", JSONText.quoted(composedInput(input)))]),
        ])
        return JSONText.object([
            ("messages", messages),
            ("model", JSONText.quoted(LLMWire.defaultModel)),
            ("response_format", JSONText.object([("type", JSONText.quoted("json_object"))])),
            ("temperature", JSONText.number(LLMWire.temperature)),
        ])
    }

    static func composedInput(_ input: LLMRequestInput) -> String {
        var members: [(String, String)] = []
        if let artists = input.artists {
            members.append(("artists", JSONText.array(artists.map { artist in
                JSONText.object([
                    ("genres", JSONText.array(artist.genres.map(JSONText.quoted))),
                    ("id", JSONText.quoted(artist.id)), ("name", JSONText.quoted(artist.name)),
                ])
            })))
        }
        if let count = input.count { members.append(("count", String(count))) }
        members.append(("prompt", JSONText.quoted(input.prompt)))
        if let quality = input.quality {
            members.append(("quality", JSONText.object(quality.keys.sorted().map {
                ($0, JSONText.number(quality[$0] ?? 0))
            })))
        }
        if let tracks = input.tracks {
            members.append(("tracks", JSONText.array(tracks.map { track in
                var fields: [(String, String)] = [("artist", JSONText.quoted(track.artist))]
                if let features = track.features {
                    fields.append(("features", JSONText.object(features.keys.sorted().map {
                        ($0, JSONText.number(features[$0] ?? 0))
                    })))
                }
                fields.append(("id", JSONText.quoted(track.id)))
                fields.append(("name", JSONText.quoted(track.name)))
                return JSONText.object(fields)
            })))
        }
        return JSONText.object(members)
    }
}
