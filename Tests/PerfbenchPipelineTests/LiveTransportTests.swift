import PerfbenchPipeline
import Testing

@Suite("LiveTransport")
struct LiveTransportTests {
    @Test func refusedConnectionIsAConnectionErrorNamingTheBase() async throws {
        // Port 1 on loopback: nothing listens there, the kernel refuses at once.
        let transport = LiveTransport(bases: [.spotify: "http://127.0.0.1:1"])
        let request = HTTPRequest(service: .spotify, path: "/v1/me/top/tracks", tool: "get_user_top_tracks")
        let result = try await transport.send(request, timeout: .seconds(5))
        guard case .connectionError(let reason) = result else {
            Issue.record("expected a connection error, got \(result)")
            return
        }
        #expect(reason.contains("127.0.0.1:1"))
    }
}

@Suite("LLM answers")
struct LLMAnswerTests {
    @Test func malformedAnswersTakeFallbacksAndAreCounted() throws {
        let garbage: @Sendable (HTTPRequest, Int) -> TransportResult? = { request, _ in
            request.service == .llm ? .response(HTTPResponse(status: 200, body: "not json")) : nil
        }
        let outcome = try WorkflowHarness.run(override: garbage)
        #expect(outcome.result.counters.llmFallbacks == outcome.calls.filter { $0.tool == "llm" }.count)
        #expect(!outcome.result.playlist.isEmpty)
    }

    @Test func answersSteerTheWorkflow() throws {
        // The scripted mood names nine genres: discovery searches each of them.
        let outcome = try WorkflowHarness.run()
        let genres = outcome.calls("search_spotify_artists", in: "artist_discovery").filter { $0.pathAndQuery.contains("genre") }
        #expect(genres.count == 9)
        #expect(outcome.result.counters.llmFallbacks == 0)
    }
}
