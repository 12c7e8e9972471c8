import Testing

@testable import PerfbenchReport

/// What a gate verdict says beyond pass/fail (issues 14 §4 and 17 §2).
@Suite struct GateVerdictTests {
    static func baseline(_ totals: [(String, Double)]) -> BaselineFile {
        BaselineFile(
            perfbenchVersion: "test", config: Fixtures.baselineConfig, recordingSetHash: "h",
            entries: totals.map { BaselineFile.Entry(recording: $0.0, totalSeconds: $0.1, stages: [:]) })
    }

    /// A candidate run whose draws gave `draws` (draw 0 first: the replay's own figure).
    static func run(_ recording: String, _ draws: [Double]) -> RunResult {
        let runs = draws.map { Fixtures.run(recording: recording, total: $0) }
        var first = runs[0]
        if draws.count > 1 { first.interval = PredictionInterval(runs: runs) }
        return first
    }

    @Test func aRegressionOnlySomeDrawsShowIsUncertainNotARegression() throws {
        let base = Self.baseline([("c/a-s1-p0.jsonl.gz", 100), ("c/a-s1-p1.jsonl.gz", 100)])
        // The replay's own figure is 20 % slower; most draws are not.
        let shaky = [Self.run("c/a-s1-p0.jsonl.gz", [120, 100, 101, 99, 100]), Self.run("c/a-s1-p1.jsonl.gz", [120, 100, 100, 100, 100])]
        let gate = try GateEvaluation(baseline: base, candidate: shaky, metrics: ["total.p50"], thresholdPercent: 5)
        #expect(gate.metrics[0].status == .uncertain)
        #expect(!gate.isRegression && gate.isUncertain)
        #expect(GateReport.verdict(gate) == "uncertain")
        #expect(GateReport.text(gate, candidate: Fixtures.baselineConfig).contains("[draws P10 "))
        // Slower in every draw: a regression.
        let sure = [Self.run("c/a-s1-p0.jsonl.gz", [120, 118, 121, 119, 125]), Self.run("c/a-s1-p1.jsonl.gz", [120, 118, 119, 121, 122])]
        let failed = try GateEvaluation(baseline: base, candidate: sure, metrics: ["total.p50"], thresholdPercent: 5)
        #expect(failed.metrics[0].status == .regression)
        // Without draws there is nothing to be uncertain about.
        let plain = [Fixtures.run(recording: "c/a-s1-p0.jsonl.gz", total: 120), Fixtures.run(recording: "c/a-s1-p1.jsonl.gz", total: 120)]
        #expect(try GateEvaluation(baseline: base, candidate: plain, metrics: ["total.p50"], thresholdPercent: 5).metrics[0].status == .regression)
    }

    @Test func aPassStillNamesMoversTheTailAndEachGroup() throws {
        let names = (0..<4).map { "corpus/nov07-s1-p\($0).jsonl.gz" } + (0..<2).map { "corpus/bad-day-s2-p\($0).jsonl.gz" }
        let base = Self.baseline(zip(names, [100, 110, 120, 130, 500, 600]).map { ($0, $1) })
        let candidate = zip(names, [100, 110, 120, 130, 536, 600]).map { Fixtures.run(recording: $0, total: $1) }
        let gate = try GateEvaluation(baseline: base, candidate: candidate, metrics: ["total.p95"], thresholdPercent: 5)
        #expect(!gate.isRegression)
        let text = GateReport.text(gate, candidate: Fixtures.baselineConfig)
        #expect(text.contains("moved most (recording total):\n  corpus/bad-day-s2-p0.jsonl.gz: +36.00 s"))
        #expect(gate.tailRecordings.map(\.recording) == ["corpus/bad-day-s2-p1.jsonl.gz", "corpus/bad-day-s2-p1.jsonl.gz"])
        #expect(gate.groups.map(\.name) == ["bad-day", "nov07"])
        #expect(gate.groups.first?.candidate.p50 == 536)
        #expect(GateReport.json(gate, candidate: Fixtures.baselineConfig).contains("\"groups\": ["))
        #expect(GateReport.markdown(gate, candidate: Fixtures.baselineConfig).contains("| bad-day | 2 |"))
    }

    @Test func groupsAreWorldsOfSynthesizedRecordingsElseFolders() {
        #expect(GateEvaluation.groupName(of: "Recordings/corpus/guide197-s401-p2.jsonl.gz") == "guide197")
        #expect(GateEvaluation.groupName(of: "x/nov07+unfamiliar-s46-p0.jsonl.gz") == "nov07+unfamiliar")
        #expect(GateEvaluation.groupName(of: "Recordings/logs/moodlist-2025-11-07-workflow-306s.log.gz") == "logs")
        #expect(GateEvaluation.groupName(of: "nov07.jsonl.gz") == ".")
    }
}

/// A diff with `--draws` carries each side's spread (issue 14 §4).
@Suite struct DiffDrawsTests {
    @Test func aDiffShowsEachSidesSpreadAndUnfinishedDraws() {
        let base = [Fixtures.run(total: 100)]
        var stuck = Fixtures.run(total: PredictionInterval.runLimitSeconds + 10)
        stuck.interval = nil
        var candidate = Fixtures.run(total: 80)
        candidate.interval = PredictionInterval(runs: [candidate, Fixtures.run(total: 85), Fixtures.run(total: 90), stuck])
        let diff = DiffReport(base: base, candidate: [candidate])
        #expect(diff.bands.count == 1)
        #expect(diff.bands[0].base == nil)
        #expect(diff.unfinishedShare.candidate == 0.25)
        let text = TextReport.render(diff)
        // The P90 draw did not finish: its limiter's figure reads as past the run limit.
        #expect(text.contains("draws (P10–P90): exact → 80.00 – > 2400 s"))
        #expect(text.contains("does not finish: 0 % → 25 % of draws"))
        #expect(JSONReport.render(diff).contains("\"unfinished_share\""))
        // Without draws nothing is added.
        #expect(DiffReport(base: base, candidate: [Fixtures.run(total: 80)]).bands.isEmpty)
    }
}
