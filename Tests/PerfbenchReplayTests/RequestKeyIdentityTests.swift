import PerfbenchPipeline
import PerfbenchRecording
@testable import PerfbenchReplay
import PerfbenchRuntime
import Testing

/// A key matches, hashes and seeds by its parts, exactly as its canonical text would.
@Suite struct RequestKeyIdentityTests {
    /// Requests that differ in every part the text spells out, and in parts it leaves out.
    static let requests: [HTTPRequest] = [
        HTTPRequest(service: .spotify, path: "/v1/artists/1", tool: "get_artist"),
        HTTPRequest(service: .spotify, path: "/v1/artists/2", tool: "get_artist"),
        HTTPRequest(service: .spotify, method: "POST", path: "/v1/artists/1", tool: "get_artist"),
        HTTPRequest(service: .reccobeats, path: "/v1/artists/1", tool: "get_artist"),
        HTTPRequest(service: .spotify, path: "/v1/tracks", query: [.init("ids", "b,a,c")], tool: "tracks"),
        HTTPRequest(service: .spotify, path: "/v1/tracks", query: [.init("ids", "a,b,c")], tool: "other tool"),
        HTTPRequest(service: .spotify, path: "/v1/tracks", query: [.init("ids", "a,b")], tool: "tracks"),
        HTTPRequest(service: .spotify, path: "/v1/tracks", query: [.init("ids", "a"), .init("ids", "b")], tool: "tracks"),
        HTTPRequest(service: .spotify, path: "/v1/search", query: [.init("q", "é"), .init("limit", "3")], tool: "search"),
        HTTPRequest(service: .spotify, path: "/v1/search", query: [.init("limit", "3"), .init("q", "é")], tool: "search"),
        HTTPRequest(service: .spotify, path: "/v1/search", query: [.init("limit", "3"), .init("q", "e\u{301}")], tool: "search"),
        HTTPRequest(service: .spotify, path: "/v1/search", query: [.init("limit", "3")], tool: "search"),
        HTTPRequest(service: .llm, method: "POST", path: "/v1/chat/completions", body: Fixtures.llmBody("final_evaluation", "a"), tool: "llm"),
        HTTPRequest(service: .llm, method: "POST", path: "/api/chat/completions", body: Fixtures.llmBody("final_evaluation", "b"), tool: "llm"),
        HTTPRequest(service: .llm, method: "POST", path: "/v1/chat/completions", body: Fixtures.llmBody("energy_analysis", "a"), tool: "llm"),
        HTTPRequest(service: .llm, method: "POST", path: "/v1/chat/completions", body: "{}", tool: "llm"),
    ]

    @Test func keysAreEqualExactlyWhenTheirTextsAre() {
        let keys = Self.requests.map(RequestKey.init)
        var equalPairs = 0
        for left in keys {
            for right in keys {
                #expect((left == right) == (left.text == right.text), "\(left.text) against \(right.text)")
                if left == right {
                    #expect(left.hashValue == right.hashValue)
                    if left.text != right.text || left.path == right.path { continue }
                    equalPairs += 1
                }
            }
        }
        // The two LLM calls of one task on different paths are one key: the path is not asked.
        #expect(equalPairs == 2)
        #expect(keys[12] == keys[13])
        #expect(keys[12] != keys[14])
        // Sorted lists and parameter order make the same key; so does `é` spelled two ways, as
        // with the texts (`String` equality is canonical), and `ids=a&ids=b` is `ids=a,b`.
        #expect(keys[4] == keys[5])
        #expect(keys[6] == keys[7])
        #expect(keys[8] == keys[9])
        #expect(keys[9] == keys[10])
        #expect(keys[11] != keys[9])
    }

    @Test func theStableHashIsTheHashOfTheText() {
        for request in Self.requests {
            let key = RequestKey(request)
            #expect(key.stableTextHash == StableHash.fnv1a(key.text), "\(key.text)")
        }
    }

    @Test func aDictionaryFindsARecordedKeyFromALiveRequest() {
        let recorded = Exchange(
            id: "x1", startMicros: 0, durationMicros: 1, service: .spotify, method: "GET",
            url: "https://api.spotify.com/v1/tracks?ids=c%2Cb&ids=a&market=US")
        let numbers = [RequestKey(recorded): 7]
        let live = HTTPRequest(service: .spotify, path: "/v1/tracks", query: [.init("market", "US"), .init("ids", "a,b,c")], tool: "tracks")
        #expect(numbers[RequestKey(live)] == 7)
        #expect(numbers[RequestKey(HTTPRequest(service: .spotify, path: "/v1/tracks", query: [.init("ids", "a,b,c")], tool: "tracks"))] == nil)
    }

    /// Lists sort by their items' bytes, empty items dropped, as splitting and sorting would.
    @Test func listsSortAsSplittingAndSortingTheirBytesWould() {
        var random = SplitMix64(seed: 11)
        let alphabet = Array("ab,é🎵Z0,".unicodeScalars)
        for _ in 0..<2_000 {
            let length = Int(random.next() % 24)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            let expected = text.split(separator: ",", omittingEmptySubsequences: true).map { Array($0.utf8) }
                .sorted { $0.lexicographicallyPrecedes($1) }
                .map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",")
            #expect(RequestKey.sortedList(text) == expected, "\(text)")
        }
    }
}
