import Testing

@testable import PerfbenchPipeline

/// What the clients decode from a kept body is worked out once per body and decoder.
@Suite struct ParsedBodyMemoTests {
    @Test func eachDecoderRunsOnceAndKeepsItsOwnValue() {
        let body = ParsedBody(#"{"content":[{"id":"a"},{"id":"b"}],"n":2}"#)
        var runs: [String: Int] = [:]
        func count(_ key: String) -> Int {
            body.decoded(key) { json -> Int in
                runs[key, default: 0] += 1
                return key == "n" ? (json?["n"]?.intValue ?? -1) : (json?["content"]?.arrayValue?.count ?? -1)
            }
        }
        for _ in 0..<3 {
            #expect(count("content") == 2)
            #expect(count("n") == 2)
        }
        #expect(runs == ["content": 1, "n": 1])
        // A decoder of another type under a new key gets its own value, and the others stay.
        let names = body.decoded("ids") { json in
            (json?["content"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        }
        #expect(names == ["a", "b"])
        #expect(count("content") == 2 && count("n") == 2)
        #expect(runs == ["content": 1, "n": 1])
    }
}
