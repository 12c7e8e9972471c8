import PerfbenchPipeline
import PerfbenchRecording
@testable import PerfbenchReplay
import Testing

/// The small models: hashing, quantiles, the batch fit, normalization.
@Suite struct ReplayModelTests {
    @Test func fnv1aMatchesTheReferenceVectors() {
        #expect(StableHash.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(StableHash.fnv1a("foobar") == 0x8594_4171_F739_67E8)
        #expect(StableHash.fnv1a(parts: ["ab", "c"]) != StableHash.fnv1a(parts: ["a", "bc"]))
    }

    @Test func quantilesInterpolateBetweenOrderStatistics() throws {
        let distribution = try #require(LatencyDistribution(micros: [400_000, 100_000, 300_000, 200_000]))
        #expect(distribution.quantile(0) == .milliseconds(100))
        #expect(distribution.quantile(1) == .milliseconds(400))
        #expect(distribution.median == .milliseconds(250))
        #expect(distribution.tailExcess == .milliseconds(120))
        #expect(distribution.draw(seed: 7) == distribution.draw(seed: 7))
    }

    @Test func batchLatencyIsFittedByLeastSquaresAndFallsBackToTheMedian() throws {
        let fit = try #require(BatchLatencyModel(samples: [(5, .milliseconds(600)), (10, .milliseconds(1100)), (50, .milliseconds(5100))]))
        #expect(fit.latency(count: 20) == .milliseconds(2100))
        let flat = try #require(BatchLatencyModel(samples: [(5, .milliseconds(600)), (5, .milliseconds(800))]))
        #expect(flat.perItem == nil)
        #expect(flat.latency(count: 50) == .milliseconds(700))
        let negative = try #require(BatchLatencyModel(samples: [(5, .milliseconds(900)), (10, .milliseconds(300))]))
        #expect(negative.perItem == nil)
    }

    @Test func recordedAndLiveRequestsNormalizeAlike() {
        let recorded = Exchange(
            id: "x1", startMicros: 0, durationMicros: 1, service: .reccobeats, method: "GET",
            url: "https://api.reccobeats.com/v1/track/recommendation?size=5&seeds=b&seeds=a&negativeSeeds=z,y&energy=0.4")
        let live = HTTPRequest(
            service: .reccobeats, path: "/v1/track/recommendation",
            query: [.init("energy", "0.4"), .init("negativeSeeds", "y,z"), .init("seeds", "a,b"), .init("size", "5")],
            tool: "t")
        #expect(RequestKey(recorded).text == RequestKey(live).text)
        let differentSize = HTTPRequest(service: .reccobeats, path: "/v1/track/recommendation", query: [.init("seeds", "a,b"), .init("size", "6")], tool: "t")
        #expect(RequestKey(differentSize).text != RequestKey(live).text)
    }

    @Test func encodedQueriesDecodeBeforeMatching() {
        let recorded = Exchange(
            id: "x1", startMicros: 0, durationMicros: 1, service: .spotify, method: "GET",
            url: "https://api.spotify.com/v1/search?q=track%3ATeardrop+artist%3AMassive%20Attack&type=track&limit=3")
        let live = HTTPRequest(
            service: .spotify, path: "/v1/search",
            query: [.init("q", "track:Teardrop artist:Massive Attack"), .init("type", "track"), .init("limit", "3")], tool: "t")
        #expect(RequestKey(recorded).text == RequestKey(live).text)
        #expect(RequestKey(live).text == RequestKey(HTTPRequest(service: .spotify, path: "/v1/search", query: live.query.reversed(), tool: "t")).text)
    }

    @Test func listValuesSortByBytesAndDropEmptyItems() {
        #expect(RequestKey.sortedList("b,,a,c,") == "a,b,c")
        #expect(RequestKey.sortedList("ab,a,b") == "a,ab,b")
        #expect(RequestKey.sortedList("") == "")
    }

    @Test func theLLMTaskIsReadFromTheSystemLine() {
        let body = #"{"messages":[{"role":"system","content":"task: energy_analysis\nAnswer."},{"role":"user","content":"task: nope"}]}"#
        #expect(RequestKey.task(inBody: body) == "energy_analysis")
        #expect(RequestKey.task(inBody: "{}") == nil)
    }

    @Test func editDistanceCountsSingleByteEdits() {
        #expect(NearestRecorded.editDistance(Array("kitten".utf8), Array("sitting".utf8)) == 3)
        #expect(NearestRecorded.editDistance([], Array("abc".utf8)) == 3)
    }
}
