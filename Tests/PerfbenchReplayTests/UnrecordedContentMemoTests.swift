import Foundation
import PerfbenchPipeline
import PerfbenchRecording
@testable import PerfbenchReplay
import PerfbenchReport
import Testing

/// Content made for unrecorded requests is made once per index and request, and changes nothing.
@Suite struct UnrecordedContentMemoTests {
    static func request(_ query: [(String, String)], body: String? = nil) -> HTTPRequest {
        HTTPRequest(
            service: .spotify, path: "/v1/tracks", query: query.map { HTTPRequest.QueryItem($0.0, $0.1) }, body: body,
            tool: "tracks")
    }

    @Test func theSameRequestAndSeedGetTheKeptContentParsed() {
        let memo = UnrecordedContentMemo()
        var made = 0
        func make() -> UnrecordedContentMemo.Content {
            made += 1
            return (HTTPResponse(status: 200, body: #"{"n":\#(made)}"#), true)
        }
        let first = memo.content(for: Self.request([("ids", "a,b")]), seed: 7, make: make)
        let again = memo.content(for: Self.request([("ids", "a,b")]), seed: 7, make: make)
        #expect(made == 1)
        #expect(again.response == first.response && again.composed)
        #expect(again.response.parsedBody?.json == (try? JSONValue.parse(#"{"n":1}"#)))
        #expect(again.response.parsedBody?.json != nil)
        // Another seed, another order of the ids, another path: made anew.
        _ = memo.content(for: Self.request([("ids", "a,b")]), seed: 8, make: make)
        _ = memo.content(for: Self.request([("ids", "a,b")]), seed: nil, make: make)
        _ = memo.content(for: Self.request([("ids", "b,a")]), seed: 7, make: make)
        #expect(made == 4)
        #expect(memo.kept.count == 4)
    }

    @Test func requestsWithABodyAndLLMCallsAreNeverKept() {
        let memo = UnrecordedContentMemo()
        var made = 0
        let llm = HTTPRequest(service: .llm, method: "POST", path: "/v1/chat/completions", tool: "llm")
        for request in [Self.request([], body: "{}"), Self.request([], body: "{}"), llm, llm] {
            let content = memo.content(for: request, seed: 1) {
                made += 1
                return (HTTPResponse(status: 200, body: "{}"), false)
            }
            #expect(content.response.parsedBody == nil)
        }
        #expect(made == 4)
        #expect(memo.kept.count == 0)
    }

    @Test func nothingMoreIsKeptPastTheByteBudget() {
        let memo = UnrecordedContentMemo(byteBudget: 10)
        let body = String(repeating: "x", count: 6)
        for id in ["a", "b", "c"] {
            let content = memo.content(for: Self.request([("ids", id)]), seed: nil) { (HTTPResponse(status: 200, body: body), false) }
            #expect(content.response.body == body)
            // Only what is kept is parsed: past the budget the content goes back as made.
            #expect((content.response.parsedBody != nil) == (id == "a"))
        }
        #expect(memo.kept.count == 1)
        #expect(memo.kept.bytes == 6)
    }

    /// A what-if whose answers are composed and synthesized replays the same from a fresh index
    /// and from one whose earlier replays kept that content.
    @Test func replaysFromAWarmMemoEqualReplaysFromAFreshIndex() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Recordings/nov07.jsonl.gz").path
        let recording = try Recording.load(from: path)
        let shared = ReplayIndex(recording: recording)
        for spec in ["baseline,warm-cache=1/1", "plan-critical-path", "guide-immediate"] {
            let config = try PipelineConfiguration.resolve(spec: spec)
            let fresh = try ReplayRunner.replay(index: ReplayIndex(recording: recording), path: "nov07", config: config, options: ReplayOptions())
            let first = try ReplayRunner.replay(index: shared, path: "nov07", config: config, options: ReplayOptions())
            let second = try ReplayRunner.replay(index: shared, path: "nov07", config: config, options: ReplayOptions())
            #expect(first.run == fresh.run, "\(spec)")
            #expect(second.run == fresh.run, "\(spec)")
            // Later draws synthesize with other seeds: none may get an earlier draw's content.
            for draw in 1...3 {
                var options = ReplayOptions()
                options.draw = UInt64(draw)
                let freshDraw = try ReplayRunner.replay(index: ReplayIndex(recording: recording), path: "nov07", config: config, options: options)
                let sharedDraw = try ReplayRunner.replay(index: shared, path: "nov07", config: config, options: options)
                #expect(sharedDraw.run == freshDraw.run, "\(spec) draw \(draw)")
            }
        }
        #expect(shared.models.unrecordedContent.kept.count > 0)
    }
}
