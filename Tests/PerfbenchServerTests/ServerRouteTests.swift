import PerfbenchPipeline
import PerfbenchRecording
import Testing

@testable import PerfbenchServer

@Suite struct ServerRouteTests {
    @Test func reccoBeatsPrefixIsStrippedForTheWorld() throws {
        let route = try ServerRoute(target: "/reccobeats/v1/track/recommendation?seeds=a,b&size=20")
        #expect(route.service == .reccobeats)
        #expect(route.path == "/v1/track/recommendation")
        #expect(route.query == [HTTPRequest.QueryItem("seeds", "a,b"), HTTPRequest.QueryItem("size", "20")])
    }

    @Test func chatCompletionsIsTheLLMAndOtherV1PathsAreSpotify() throws {
        #expect(try ServerRoute(target: "/v1/chat/completions").service == .llm)
        #expect(try ServerRoute(target: "/v1/artists/abc/top-tracks?market=US").service == .spotify)
        #expect(try ServerRoute(target: "http://api.example:9/v1/me").path == "/v1/me")
        #expect(try ServerRoute(target: "/favicon.ico").service == nil)
        #expect(try ServerRoute(target: "/reccobeatsv1/track").service == nil)
    }

    @Test func queryIsPercentDecodedWithPlusAsSpace() throws {
        let route = try ServerRoute(target: "/v1/search?q=genre%3A%22smooth+jazz%22%20caf%C3%A9&type=artist&flag")
        #expect(route.query.first?.value == "genre:\"smooth jazz\" café")
        #expect(route.query.last == HTTPRequest.QueryItem("flag", ""))
    }

    @Test(arguments: ["/v1/search?q=%zz", "/v1/search?q=%4", "/v1/search?q=%FF", "/v1/art%ists"])
    func badPercentEncodingIsRefused(target: String) {
        #expect(throws: ServerRoute.Problem.self) { try ServerRoute(target: target) }
    }
}
