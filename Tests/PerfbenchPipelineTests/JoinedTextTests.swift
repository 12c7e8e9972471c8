import Foundation
import Testing

@testable import PerfbenchPipeline

/// Strings joined in one allocation read as the same strings joined with `+`.
@Suite struct JoinedTextTests {
    @Test func partsJoinAsPlusJoinsThem() {
        let long = String(repeating: "ab", count: 40)
        let bridged = NSString(string: "bridged é").description
        let cases: [[String]] = [
            ["", ""], ["a", ""], ["", "b"], ["short", long], ["é", "e\u{301}", "🎵", "", "x"],
            [bridged, "/", long, "?", "ids", "=", "1,2,3", "", "z"],
        ]
        for parts in cases {
            let padded = parts + Array(repeating: "", count: 9 - parts.count)
            let joined = JoinedText.join(
                padded[0], padded[1], padded[2], padded[3], padded[4], padded[5], padded[6], padded[7], padded[8])
            #expect(joined == parts.joined())
            #expect(Array(joined.utf8) == Array(parts.joined().utf8))
        }
    }

    @Test func cacheKeysSortTheirParameters() {
        let tool = ToolSpec(name: "get_track", service: .spotify, perMinute: nil)
        #expect(ToolCaller.cacheKey(tool, method: "GET", path: "/v1/x", query: []) == "get_track GET /v1/x?")
        #expect(ToolCaller.cacheKey(tool, method: "GET", path: "/v1/x", query: [.init("ids", "b,a")]) == "get_track GET /v1/x?ids=b,a")
        #expect(
            ToolCaller.cacheKey(tool, method: "GET", path: "/v1/x", query: [.init("limit", "5"), .init("ids", "a")])
                == "get_track GET /v1/x?ids=a&limit=5")
    }
}
