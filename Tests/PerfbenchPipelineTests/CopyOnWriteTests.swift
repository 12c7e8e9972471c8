import Testing

@testable import PerfbenchPipeline

/// `Track` and `HTTPRequest` share their fields between copies until one is written.
@Suite struct CopyOnWriteTests {
    @Test func writingACopiedTrackLeavesTheOriginalAsItWas() {
        let original = Track(id: "t1", name: "Song", artistNames: ["A"], source: .artist, confidence: 0.5)
        var copy = original
        #expect(copy == original && copy.hashValue == original.hashValue)
        copy.confidence = 0.9
        copy.artistNames.append("B")
        #expect(original.confidence == 0.5 && original.artistNames == ["A"])
        #expect(copy.confidence == 0.9 && copy.artistNames == ["A", "B"])
        #expect(copy != original)
        // Equal fields in separate boxes are equal and hash alike.
        let twin = Track(id: "t1", name: "Song", artistNames: ["A"], source: .artist, confidence: 0.5)
        #expect(twin == original && twin.hashValue == original.hashValue)
    }

    @Test func writingACopiedRequestLeavesTheOriginalAsItWas() {
        let original = HTTPRequest(service: .spotify, path: "/v1/x", query: [.init("limit", "5")], tool: "t")
        var copy = original
        copy.tool = "other"
        copy.stage = "workflow"
        #expect(original.tool == "t" && original.stage == nil)
        #expect(copy.tool == "other" && copy.stage == "workflow")
        #expect(copy != original)
        var restaged = original
        restaged.stage = "workflow"
        // The stage takes part in equality although it lives outside the shared fields.
        #expect(restaged != original && restaged.tool == original.tool)
    }
}
