import PerfbenchPipeline
import PerfbenchRecording
import Testing

/// A body parsed once by the transport stands for the text in everything the clients read.
@Suite struct ParsedBodyTests {
    static let envelope = #"{"choices":[{"message":{"role":"assistant","content":"{\"score\":0.82,\"ok\":true}"}}]}"#

    @Test func aChatCompletionsBodyCarriesItsAnswerParsed() {
        let parsed = ParsedBody(Self.envelope)
        #expect(parsed.json?["choices"]?.arrayValue?.count == 1)
        #expect(parsed.llmAnswer?["score"]?.doubleValue == 0.82)
        #expect(ParsedBody(#"{"items":[]}"#).llmAnswer == nil)
        #expect(ParsedBody("not json").json == nil)
        #expect(ParsedBody("not json").tape == nil)
    }

    @Test func theClientsReadTheBodyInPlaceAndTheTreeIsTheParsersOwn() throws {
        let body = #"{"tracks":{"items":[{"id":"t1","name":"One","duration_ms":200000}]}}"#
        let parsed = ParsedBody(body)
        let item = try #require(parsed.tape?.root["tracks"]?["items"]?.arrayValue?.first)
        #expect(item["id"]?.stringValue == "t1")
        #expect(item["duration_ms"]?.intValue == 200_000)
        #expect(parsed.json == (try JSONValue.parse(body)))
        let response = HTTPResponse(status: 200, body: body, parsedBody: ParsedBody(body))
        #expect(response.unkeptJSON == parsed.json)
        #expect(HTTPResponse(status: 200, body: body).unkeptJSON == parsed.json)
    }

    @Test func aResponseReadsItsParseAndComparesByItsText() {
        let plain = HTTPResponse(status: 200, body: #"{"id":"a"}"#)
        let parsed = HTTPResponse(status: 200, body: #"{"id":"a"}"#, parsedBody: ParsedBody(#"{"id":"a"}"#))
        #expect(plain.json == parsed.json)
        #expect(plain == parsed)
        #expect(plain.hashValue == parsed.hashValue)
        // The parse is what the clients read: a transport must only attach this body's own.
        let mismatched = HTTPResponse(status: 200, body: #"{"id":"a"}"#, parsedBody: ParsedBody(#"{"id":"b"}"#))
        #expect(mismatched.json?["id"]?.stringValue == "b")
    }

    @Test(arguments: [
        envelope,
        #"{"choices":[{"message":{"content":"a\u00e9\"b"}},{"message":{"content":"second"}}]}"#,
        #"{"choices":[{"message":{"content":"first","content":"repeated"}}]}"#,
        #"{"choices":[{"message":{"content":42}}]}"#,
        #"{"choices":[]}"#,
        #"{"choices":{"message":{"content":"not in an array"}}}"#,
        #"[1,2]"#,
        "not json",
    ])
    func theAnswersContentReadInPlaceIsTheTreesContent(body: String) {
        // The same lookup on the parser's tree.
        let tree = try? JSONValue.parse(body)
        let expected = tree?["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue
        #expect(LLMWire.content(of: JSONTape(body)?.root) == expected)
        #expect(LLMWire.content(of: HTTPResponse(status: 200, body: body)) == expected)
        #expect(LLMWire.content(of: HTTPResponse(status: 200, body: body, parsedBody: ParsedBody(body))) == expected)
        let answer = expected.flatMap { try? JSONValue.parse($0) }
        #expect(ParsedBody(body).llmAnswer == answer)
        #expect(LLMWire.answer(of: HTTPResponse(status: 200, body: body)) == answer)
        #expect(LLMWire.answer(of: HTTPResponse(status: 200, body: body, parsedBody: ParsedBody(body))) == answer)
    }
}
