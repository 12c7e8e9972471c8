import Testing

@testable import PerfbenchReport

/// Absolute criteria for the gate (issue 17 §1).
@Suite struct CriterionTests {
    /// Only a host's timeout rate reads every exchange; a gate without one keeps each run's
    /// critical path alone.
    @Test func onlyAHostsTimeoutRateReadsEveryExchange() throws {
        #expect(try Criterion.parse("rate.timeouts.reccobeats<1%").allSatisfy(\.readsExchanges))
        #expect(try Criterion.parse("plan").contains(where: \.readsExchanges))
        #expect(try !Criterion.parse("total.p95<=90s").contains(where: \.readsExchanges))
        #expect(try !Criterion.parse("rate.timeouts<1%").contains(where: \.readsExchanges))
    }

    @Test func criteriaReadMetricComparisonAndBoundInTheMetricsUnit() throws {
        let p95 = try #require(try Criterion.parse("total.p95 <= 90s").first)
        #expect(p95.metric == "total.p95" && p95.comparison == .atMost && p95.bound == 90 && p95.unit == .seconds)
        #expect(try Criterion.parse("rate.timeouts.reccobeats<1%").first?.unit == .percent)
        #expect(try Criterion.parse("requests.p50<=200").first?.unit == .count)
        #expect(try Criterion.parse("stage.orchestration/initial_generation.p95>=1s").first?.comparison == .atLeast)
        #expect(try Criterion.parse("cache.hit_rate.repeat>50%").first?.needsSession == true)
        #expect(try Criterion.parse("quality.overall>=0.75").first?.unit == .count)
        #expect(try Criterion.parse("requests<=200").first?.metric == "requests")
        #expect(try Criterion.parse("plan").map(\.text) == ["total.p95<90s", "total.p50<60s", "rate.timeouts.reccobeats<1%", "rate.errors<2%"])
    }

    @Test func aCriterionThatCannotBeReadSaysHowToWriteIt() {
        for text in ["total.p95", "total.p95<=ninety", "rate.errors<2s", "latency.p95<1s", "cache.hit_rate.again>50%", "quality.overall>=75%"] {
            #expect(throws: Criterion.Invalid.self) { try Criterion.parse(text) }
        }
    }

    @Test func valuesComeFromTheRunsAndAFailedCriterionFailsTheGate() throws {
        // Fixture runs: 6 requests each, 0 errors, 1 timeout (a ReccoBeats call of 3).
        let runs = [Fixtures.run(recording: "a", total: 100), Fixtures.run(recording: "b", total: 50)]
        func value(_ text: String) throws -> Double { try #require(try Criterion.parse(text).first).value(over: runs) }
        #expect(try value("total.p95<1s") == 100)
        #expect(try value("total.mean<1s") == 75)
        #expect(try value("requests.p50<1") == 6)
        #expect(abs(try value("rate.timeouts<1%") - 100.0 / 6) < 1e-9)
        #expect(try value("rate.errors<1%") == 0)
        #expect(try value("cache.hit_rate>1%") == 25)
        let gate = try GateEvaluation(
            baseline: nil, candidate: runs, metrics: [], thresholdPercent: 5,
            requirements: try Criterion.parse("total.p95<=90s") + Criterion.parse("rate.errors<2%"))
        #expect(gate.requirements.map(\.holds) == [false, true])
        #expect(gate.isRegression)
        #expect(GateReport.verdict(gate) == "fail")
        let text = GateReport.text(gate, candidate: Fixtures.baselineConfig)
        #expect(text.hasPrefix("gate: FAIL"))
        #expect(text.contains("FAILS       total.p95<=90s: 100.00 s (required <= 90.00 s)"))
        #expect(GateReport.json(gate, candidate: Fixtures.baselineConfig).contains("\"holds\": false"))
    }
}

/// A baseline carries its criteria, so every gate against it checks them.
@Suite struct BaselineCriteriaTests {
    @Test func criteriaRoundTripThroughTheBaselineFile() throws {
        var file = BaselineFile(runs: [Fixtures.run()], config: Fixtures.baselineConfig, recordingSetHash: "h", perfbenchVersion: "v")
        #expect(!file.rendered().contains("\"require\""), "no key without criteria")
        file.requirements = ["plan", "total.p95<=90s"]
        let read = try BaselineFile.parse(file.rendered(), path: "b.json")
        #expect(read.requirements == ["plan", "total.p95<=90s"])
        let broken = file.rendered().replacingOccurrences(of: "\"plan\"", with: "3")
        #expect(throws: (any Error).self) { try BaselineFile.parse(broken, path: "b.json") }
    }
}

/// Recordings are named below the folder their set shares (the gate's baseline check and movers).
@Suite struct RecordingNamesTests {
    @Test func theSameFilesNamedFromAnywhereGetTheSameNames() {
        let relative = ["Recordings/corpus/a.jsonl.gz", "Recordings/corpus/b.jsonl.gz"]
        let absolute = ["/work/main/Recordings/corpus/a.jsonl.gz", "/work/main/./Recordings/corpus/b.jsonl.gz"]
        #expect(RecordingNames.relative(relative) == ["a.jsonl.gz", "b.jsonl.gz"])
        #expect(RecordingNames.relative(absolute) == RecordingNames.relative(relative))
        #expect(RecordingNames.relative(["x/one/a.gz", "x/two/a.gz"]) == ["one/a.gz", "two/a.gz"])
        #expect(RecordingNames.relative(["/tmp/a.gz"]) == ["a.gz"])
    }
}
