import Testing

@testable import PerfbenchReport

@Suite("MarkdownReport")
struct MarkdownReportTests {
    @Test func runIsATableThenASummaryList() {
        let markdown = MarkdownReport.render(Fixtures.run())
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "### perfbench replay: `Recordings/fixture.jsonl.gz`")
        #expect(lines.contains("| stage | seconds | % of workflow |"))
        #expect(lines.contains("| workflow | 100.00 | 100.0% |"))
        #expect(lines.contains("| ├─\u{A0}intent_analysis | 2.00 | 2.0% |"))
        #expect(lines.contains("| │\u{A0}\u{A0}│\u{A0}\u{A0}│\u{A0}\u{A0}├─\u{A0}**anchor_selection** ← largest | 20.00 | 20.0% |"))
        #expect(lines.contains("| └─\u{A0}playlist_ordering | 5.00 | 5.0% |"))
        #expect(lines.contains("- **cache:** 10 hits, 30 misses (25.0% hit rate)"))
        #expect(markdown.hasSuffix("\n"))
    }

    @Test func corpusHasRunAndPercentileTables() {
        let markdown = MarkdownReport.render(corpus: [Fixtures.run(recording: "a|b"), Fixtures.run(recording: "c", total: 90)])
        #expect(markdown.contains("| `a\\|b` | `baseline` | 100.00 | 6 | 4 | 1 | 1 |"))
        #expect(markdown.contains("| stage | p50 | p95 | p99 |"))
        #expect(markdown.contains("| workflow | 90.00 | 100.00 | 100.00 |"))
    }
}
