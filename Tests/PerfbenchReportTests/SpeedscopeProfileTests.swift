import Foundation
import Testing

@testable import PerfbenchReport

/// speedscope's file format (issue 16 §4): evented profiles that nest, so it draws a flame graph.
@Suite struct SpeedscopeProfileTests {
    @Test func everyProfileNestsAndCoversItsStages() throws {
        let text = SpeedscopeProfile.render(runs: [Fixtures.run()])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://www.speedscope.app/file-format-schema.json")
        let frames = try #require((object["shared"] as? [String: Any])?["frames"] as? [[String: Any]])
        let profiles = try #require(object["profiles"] as? [[String: Any]])
        // Two lanes (artist_based and seed_based overlap) and the critical path.
        #expect(profiles.count == 3)
        var opened = 0
        for profile in profiles {
            var stack: [Int] = []
            var last = 0
            for event in try #require(profile["events"] as? [[String: Any]]) {
                let at = try #require(event["at"] as? Int)
                let frame = try #require(event["frame"] as? Int)
                #expect(at >= last)
                last = at
                if event["type"] as? String == "O" {
                    stack.append(frame)
                    opened += 1
                } else {
                    #expect(stack.popLast() == frame, "closes must match the last open frame")
                }
            }
            #expect(stack.isEmpty)
        }
        let names = Set(frames.compactMap { $0["name"] as? String })
        #expect(names.contains("orchestration/initial_generation/recommendation_generation/seed_based"))
        #expect(opened >= Fixtures.spans.count)
        #expect(SpeedscopeProfile.render(runs: [Fixtures.run()]) == text)
    }

    @Test func aDiffSummaryChartsTheTopLevelStages() {
        let markdown = MarkdownReport.render(DiffReport(base: [Fixtures.run()], candidate: [Fixtures.fasterRun()]))
        #expect(markdown.contains("```mermaid\nxychart-beta"))
        #expect(markdown.contains("x-axis [\"intent_analysis\", \"mood_analysis\", \"orchestration\", \"playlist_ordering\"]"))
    }
}
