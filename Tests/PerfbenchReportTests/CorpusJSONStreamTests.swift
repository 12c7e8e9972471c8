import PerfbenchRecording
import Testing

@testable import PerfbenchReport

/// A corpus's JSON is written in pieces as it renders (issue 15: memory flat in corpus size):
/// the pieces together are the report the whole object tree renders.
@Suite struct CorpusJSONStreamTests {
    /// The corpus object built whole, as the report was before it was written in pieces.
    static func wholeText(_ runs: [RunResult], pretty: Bool) -> String {
        let object = OrderedJSON.members(
            [
                ("schema", .string(JSONReport.corpusSchema)),
                ("runs", .array(runs.map(JSONReport.replayObject))),
                ("percentiles", JSONReport.percentilesObject(CorpusPercentiles(runs: runs))),
            ] + (SessionSummary(runs).map { [("session", $0.json)] } ?? []))
        return object.rendered(pretty: pretty) + "\n"
    }

    static func runs(_ count: Int) -> [RunResult] {
        (0..<count).map { index in
            Fixtures.run(recording: "Recordings/r\(index).jsonl.gz", total: Double(100 + index))
        }
    }

    @Test(arguments: [0, 1, 3, 40], [true, false])
    func thePiecesTogetherAreTheWholeReport(count: Int, pretty: Bool) {
        let runs = Self.runs(count)
        var pieces: [ArraySlice<UInt8>] = []
        JSONReport.writeCorpus(runs, pretty: pretty) { pieces.append($0) }
        let text = String(decoding: pieces.joined(), as: UTF8.self)
        #expect(text == Self.wholeText(runs, pretty: pretty))
        #expect(JSONReport.render(corpus: runs, pretty: pretty) == text)
        if count == 40 && pretty {
            #expect(pieces.count > 1, "40 runs are more than one piece")
            #expect(pieces.dropLast().allSatisfy { $0.count >= JSONReport.pieceSize })
        }
    }

    @Test func aWarmSessionsSummaryIsWrittenAfterThePercentiles() throws {
        var runs = Self.runs(2)
        runs[0].laterRuns = [Fixtures.run(total: 50)]
        runs[1].laterRuns = [Fixtures.run(total: 60)]
        let text = JSONReport.render(corpus: runs)
        #expect(text == Self.wholeText(runs, pretty: true))
        let percentiles = try #require(text.range(of: "\"percentiles\""))
        let session = try #require(text.range(of: "\n  \"session\""))
        #expect(percentiles.upperBound < session.lowerBound)
    }

    @Test func aFailingSinkStopsTheWriting() {
        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            try JSONReport.writeCorpus(Self.runs(40)) { _ throws(Full) in
                calls += 1
                throw Full()
            }
        }
        #expect(calls == 1)
    }
}
