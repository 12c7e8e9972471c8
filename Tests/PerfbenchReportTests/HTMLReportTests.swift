import Testing

@testable import PerfbenchReport

/// The self-contained HTML report (issue 16 §3).
@Suite struct HTMLReportTests {
    @Test func oneRunIsOneFileWithTheIcicleThePathAndTheLanes() {
        var run = Fixtures.run(recording: "Recordings/<odd> & \"name\".jsonl.gz")
        run.waitEvents = []
        let html = HTMLReport.replay([run])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg class=\"zoomable\""))
        #expect(html.contains(">critical path</text>"))
        #expect(html.contains("anchor_selection 20.00 s"))
        // Nothing fetched from elsewhere, and the name is escaped.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
        #expect(html.contains("&lt;odd&gt; &amp; &quot;name&quot;"))
        #expect(HTMLReport.replay([run]) == html)
    }

    @Test func aCorpusDrawsEachGroupAndTheP95Recording() {
        let runs = (0..<4).map { Fixtures.run(recording: "c/nov07-s1-p\($0).jsonl.gz", total: 100 + Double($0)) }
            + [Fixtures.run(recording: "c/bad-day-s2-p0.jsonl.gz", total: 400)]
        let html = HTMLReport.replay(runs)
        #expect(html.contains(">nov07 (4)</text>") && html.contains(">bad-day (1)</text>"))
        #expect(html.contains("<h2>The P95 recording</h2>"))
        let diff = HTMLReport.diff(DiffReport(base: [Fixtures.run()], candidate: [Fixtures.fasterRun()]), base: [Fixtures.run()], candidate: [Fixtures.fasterRun()])
        #expect(diff.contains("How the critical path moved"))
        #expect(diff.contains("#d8f0d8"))
    }

    @Test func aWhatIfsPageSaysHowFarItsDrawsReached() {
        var whatIf = Fixtures.run(total: 80)
        whatIf.interval = PredictionInterval(runs: [whatIf, Fixtures.run(total: 85), Fixtures.run(total: 3_000)])
        let page = HTMLReport.replay([whatIf])
        #expect(page.contains("<strong>Interval:</strong> P10 80.00 / P50 85.00 / P90 &gt; 2400 s over 3 draws"))
        let diff = HTMLReport.diff(DiffReport(base: [Fixtures.run()], candidate: [whatIf]), base: [Fixtures.run()], candidate: [whatIf])
        #expect(diff.contains("<li><strong>draws (P10–P90):</strong> exact → 80.00 – &gt; 2400 s</li>"))
        // An exact run has no interval line.
        #expect(!HTMLReport.replay([Fixtures.run()]).contains("Interval:"))
    }
}
