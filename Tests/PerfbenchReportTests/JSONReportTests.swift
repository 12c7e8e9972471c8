import Foundation
import Testing

@testable import PerfbenchReport

@Suite("JSONReport")
struct JSONReportTests {
    func parse(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func replayHasEveryKeyOfTheCLIContract() throws {
        let json = try parse(JSONReport.render(Fixtures.run()))
        #expect(json["schema"] as? String == "perfbench.replay/1")
        #expect(json["recording"] as? String == "Recordings/fixture.jsonl.gz")
        #expect(json["total_seconds"] as? Double == 100)
        let config = try #require(json["config"] as? [String: Any])
        #expect(config["name"] as? String == "baseline")
        #expect(config["phases"] as? [String: String] == ["top-tracks-batch": "5", "skip-iteration": "off", "anchor-genre-limit": "8"])
        let tree = try #require(json["tree"] as? [String: Any])
        #expect(Set(tree.keys).isSuperset(of: ["name", "seconds", "start", "children"]))
        #expect(tree["name"] as? String == "workflow")
        let first = try #require((tree["children"] as? [[String: Any]])?.first)
        #expect(first["name"] as? String == "intent_analysis")
        #expect(first["seconds"] as? Double == 2)
        #expect(first["start"] as? Double == 0)
        #expect((first["children"] as? [Any])?.isEmpty == true)
        let requests = try #require(json["requests"] as? [String: Any])
        #expect(Set(requests.keys).isSuperset(of: ["total", "by_service", "exact", "composed", "synthesized", "errors", "timeouts"]))
        #expect(requests["by_service"] as? [String: Int] == ["spotify": 1, "reccobeats": 3, "llm": 2])
        let waits = try #require(json["waits"] as? [String: Any])
        #expect(Set(waits.keys).isSuperset(of: ["window_count", "window_seconds", "retry_after_count", "retry_after_seconds"]))
        #expect(waits["window_seconds"] as? Double == 47.8)
        let cache = try #require(json["cache"] as? [String: Any])
        #expect(cache["hits"] as? Int == 10)
        #expect(cache["misses"] as? Int == 30)
        let quality = try #require(json["quality"] as? [String: Any])
        #expect(quality["overall"] as? Double == 0.77)
        #expect(quality["tracks"] as? Int == 20)
    }

    @Test func keysComeInTheContractOrderAndMapsSorted() {
        let text = JSONReport.render(Fixtures.run(), pretty: false)
        #expect(text.hasPrefix(
            #"{"schema":"perfbench.replay/1","recording":"Recordings/fixture.jsonl.gz","config":{"name":"baseline","phases":{"anchor-genre-limit":"8","skip-iteration":"off","top-tracks-batch":"5"}},"total_seconds":100,"tree":{"name":"workflow","seconds":100,"start":0,"#))
        #expect(text.contains(#""by_service":{"llm":2,"reccobeats":3,"spotify":1}"#))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func prettyFormIsStable() {
        let json = OrderedJSON.members([
            ("a", .array([.int(1), .seconds(2.5)])), ("b", .members([])), ("c", .array([])),
            ("d", .string("q\"\\\n\u{1}é")),
        ])
        #expect(json.rendered(pretty: true) == """
            {
              "a": [
                1,
                2.5
              ],
              "b": {},
              "c": [],
              "d": "q\\"\\\\\\n\\u0001é"
            }
            """)
    }

    @Test func corpusHasRunsAndNearestRankPercentiles() throws {
        var short = Fixtures.run(recording: "d.jsonl.gz", total: 40)
        short.stages = short.stages.filter { !$0.path.hasPrefix("orchestration/iterative_improvement") }
        let runs = [Fixtures.run(recording: "a", total: 100), Fixtures.run(recording: "b", total: 120), short]
        let json = try parse(JSONReport.render(corpus: runs))
        #expect(json["schema"] as? String == "perfbench.corpus/1")
        #expect((json["runs"] as? [[String: Any]])?.map { $0["schema"] as? String } == Array(repeating: "perfbench.replay/1", count: 3))
        let percentiles = try #require(json["percentiles"] as? [String: Any])
        #expect(percentiles["total_seconds"] as? [String: Double] == ["p50": 100, "p95": 120, "p99": 120])
        let stages = try #require(percentiles["stages"] as? [String: [String: Double]])
        #expect(stages["intent_analysis"] == ["p50": 2, "p95": 2, "p99": 2])
        #expect(stages["orchestration/iterative_improvement"] == ["p50": 25, "p95": 25, "p99": 25])
        #expect(stages.count == 13)
    }

    @Test func corpusStageMissingFromMostRunsHasAZeroMedian() throws {
        var without = Fixtures.run(recording: "b")
        without.stages = without.stages.filter { $0.path != "orchestration/final_processing" }
        let percentiles = CorpusPercentiles(runs: [Fixtures.run(recording: "a"), without, without])
        #expect(percentiles.stages["orchestration/final_processing"] == PercentileSummary(p50: 0, p95: 5, p99: 5, count: 3))
    }
}
