import Testing

@testable import PerfbenchReport

/// A sweep or search row's spread over draws of the models (issue 14 §4: sweep and optimize
/// carry the interval).
@Suite struct SweepSpreadTests {
    /// A run whose draws gave `draws` (draw 0 first), with `loops` generator runs in each.
    static func run(_ recording: String, _ draws: [Double], loops: [Int]? = nil) -> RunResult {
        let runs = draws.enumerated().map { index, total in
            var run = Fixtures.run(recording: recording, total: total)
            run.counters["generator_runs"] = Double(loops?[index] ?? 1)
            return run
        }
        var first = runs[0]
        first.interval = PredictionInterval(runs: runs)
        return first
    }

    @Test func theSavingIsTakenDrawByDrawAgainstTheBasesSameDraw() throws {
        // Both sides move together from draw to draw: every draw saves exactly 10 s, although
        // each side alone spreads over 40 s.
        let base = [Self.run("a", [100, 120, 140, 110, 130, 100, 120, 140, 110, 130])]
        let candidate = [Self.run("a", [90, 110, 130, 100, 120, 90, 110, 130, 100, 120])]
        let spread = try #require(SweepReport.Spread(metricName: "total", runs: candidate, baseRuns: base, baseMetric: 100))
        #expect(spread.draws == 10)
        #expect(spread.saving == 10...10)
        #expect(spread.metric == 90...130)
    }

    @Test func sharesCountDrawsThatImproveOrDoNotFinish() throws {
        let stuck = PredictionInterval.runLimitSeconds + 1
        let candidate = [
            Self.run("a", [100, 100, 100, 100], loops: [1, 2, 2, 1]),
            Self.run("b", [100, stuck, 100, 100], loops: [1, 1, 1, 1]),
        ]
        let spread = try #require(SweepReport.Spread(metricName: "p50", runs: candidate, baseRuns: [], baseMetric: 100))
        #expect(spread.improvementLoop == 0.25)  // half of a's draws, none of b's
        #expect(spread.unfinished == 0.125)  // one of b's four
        var row = SweepReport.Row(
            name: "x=1", spec: "baseline,x=1", metric: 100, saving: 0, overall: 0.7, cohesion: 0.7, requestsPerWorkflow: 1,
            timeouts: 0, errors: 0)
        row.spread = spread
        #expect(row.drawNotes == " (improvement loop in 25 % of draws; does not finish in 13 % of draws)")
    }

    @Test func withoutDrawsThereIsNoSpreadAndTheReportIsUnchanged() {
        let plain = [Fixtures.run(recording: "a", total: 90)]
        #expect(SweepReport.Spread(metricName: "total", runs: plain, baseRuns: plain, baseMetric: 100) == nil)
        let row = SweepReport.row(name: "x=1", spec: "baseline,x=1", runs: plain, metricName: "total", baseMetric: 100, baseRuns: plain)
        let report = SweepReport(base: "baseline", metricName: "total", recordings: 1, baseRow: row, rows: [row])
        #expect(!report.text.contains("P10–P90"))
        #expect(!report.json.contains("saving_p10_seconds"))
    }

    @Test func aBoundPastTheRunLimitReadsNoFinish() {
        let spread = SweepReport.Spread(
            draws: 10, metric: 100...9_000, saving: -8_900...20, unfinished: 0.2, improvementLoop: 0)
        #expect(SweepReport.savingBand(spread) == "no finish…+20.00")
    }
}
