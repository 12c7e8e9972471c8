import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import Testing

/// Replaying under configurations the recording was not made with.
@Suite struct CounterfactualReplayTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var phases: [String: String]
        /// Whether composed / synthesized answers must (true), must not (false) or may (nil) occur.
        var expectsComposed: Bool?
        var expectsSynthesized: Bool?
        var testDescription: String { phases.keys.sorted().map { "\($0)=\(phases[$0] ?? "")" }.joined(separator: ",") }
    }

    static let cases: [Case] = [
        Case(phases: ["top-tracks-batch": "10"], expectsComposed: false, expectsSynthesized: false),
        Case(phases: ["seed-chunk-concurrency": "6", "seed-stagger": "0"], expectsComposed: false, expectsSynthesized: false),
        Case(phases: ["chunk-size": "10-15/2x"], expectsComposed: true, expectsSynthesized: true),
        // Larger chunks: recommendations of a size never recorded, filled from the catalogue.
        Case(phases: ["chunk-size": "12-15"], expectsComposed: nil, expectsSynthesized: true),
        // Fewer artists found: searches cut from recorded pages, other artists' top tracks.
        Case(phases: ["discovery-artist-limit": "doc", "anchor-genre-limit": "doc"], expectsComposed: nil, expectsSynthesized: true),
        // Track details in chunks of 4: batches never recorded as such, from recorded items;
        // three calls where one was recorded may exceed ReccoBeats' busiest recorded minute.
        Case(phases: ["batch-track-details": "4"], expectsComposed: true, expectsSynthesized: nil),
        // 16-track energy batches were never recorded: those LLM calls are composed (the
        // recorded answer, the latency sized to the request), not exact.
        Case(phases: ["ordering-batch": "16", "skip-iteration": "doc"], expectsComposed: true, expectsSynthesized: false),
    ]

    static func replay(_ phases: [String: String]) throws -> ReplayOutcome {
        let made = try Recorder.baseline.get()
        return try ReplayRunner.replay(
            index: ReplayIndex(recording: made.recording), path: "baseline.jsonl.gz",
            config: try Recorder.configuration(phases), options: ReplayOptions())
    }

    @Test(arguments: cases)
    func replayUnderAnotherConfigurationCompletesAndCountsItsAnswers(_ item: Case) throws {
        let outcome = try Self.replay(item.phases)
        let requests = outcome.run.requests
        #expect(requests.total > 0)
        #expect(requests.exact + requests.composed + requests.synthesized == requests.total)
        if let expected = item.expectsComposed {
            #expect((requests.composed > 0) == expected, "composed \(requests.composed)")
        }
        if let expected = item.expectsSynthesized {
            #expect((requests.synthesized > 0) == expected, "\(outcome.answers)")
        }
        #expect(outcome.run.quality.tracks > 0)
    }

    @Test(arguments: cases)
    func counterfactualReplaysAreDeterministic(_ item: Case) throws {
        let first = JSONReport.render(try Self.replay(item.phases).run)
        let second = JSONReport.render(try Self.replay(item.phases).run)
        #expect(first == second)
    }

    @Test func composedBatchesAloneNeedNoSynthesisWithoutTheRateLimitModel() throws {
        let made = try Recorder.baseline.get()
        let outcome = try ReplayRunner.replay(
            index: ReplayIndex(recording: made.recording), path: "baseline.jsonl.gz",
            config: try Recorder.configuration(["batch-track-details": "4"]), options: ReplayOptions(rateLimits: false))
        #expect(outcome.answers.composed > 0)
        #expect(outcome.answers.synthesized == 0)
        #expect(outcome.answers.reused == 0)
    }

    @Test func moreSeedChunksInFlightShortenTheSeedBasedStage() throws {
        let made = try Recorder.baseline.get()
        let base = try Self.replay([:])
        let wide = try Self.replay(["seed-chunk-concurrency": "6", "seed-stagger": "0"])
        func seconds(_ run: RunResult, _ suffix: String) -> Double {
            run.stages.filter { $0.path.hasSuffix(suffix) }.map { Double($0.durationMicros) / 1e6 }.reduce(0, +)
        }
        #expect(base.run.totalSeconds == made.result.total.seconds)
        #expect(seconds(wide.run, "seed_based") <= seconds(base.run, "seed_based"))
    }

    @Test func aLongerReccoBeatsTimeoutTurnsRecordedTimeoutsIntoSlowSuccesses() throws {
        let made = try Recorder.withFaults.get()
        let recordedTimeouts = made.result.counters.timeouts
        #expect(recordedTimeouts > 0)
        let outcome = try ReplayRunner.replay(
            index: ReplayIndex(recording: made.recording), path: "faults.jsonl.gz",
            config: try Recorder.configuration(["reccobeats-timeout": "600"]), options: ReplayOptions())
        // Every recorded timeout is drawn from the censored tail; under 600 s most now end.
        #expect(outcome.answers.tailDraws > 0)
        #expect(outcome.answers.slowSuccesses > 0)
        #expect(outcome.workflow.counters.timeouts < recordedTimeouts)
        #expect(outcome.run.requests.synthesized >= outcome.answers.slowSuccesses)
        // Each slow success lasts longer than the old 30 s timeout.
        let slow = outcome.run.exchanges.filter { $0.service == .reccobeats && $0.outcome == .ok && $0.durationMicros > 30_000_000 }
        #expect(slow.count == outcome.answers.slowSuccesses)
    }

    @Test func strictReplayUnderAnotherConfigurationNamesTheFirstUnanswerableRequest() throws {
        let made = try Recorder.baseline.get()
        let config = try Recorder.configuration(["chunk-size": "10-15/2x"])
        do {
            _ = try ReplayRunner.replay(recording: made.recording, path: "Recordings/base.jsonl.gz", config: config, strict: true)
            Issue.record("strict replay should have failed")
        } catch let error as ReplayError {
            let text = error.description
            #expect(text.hasPrefix("Recordings/base.jsonl.gz: strict replay: no recorded exchange answers GET /v1/track/recommendation?"))
            #expect(text.contains("Nearest recorded request: x"))
            #expect(text.contains("GET /v1/track/recommendation?"))
            #expect(error.exitCode == 65)
        }
    }
}

/// The LLM's time by request (issue 14 §1–2): a call whose input the recording never saw is not
/// exact, and its latency follows its size.
@Suite struct LLMRequestSizeTests {
    static func replay(_ phases: [String: String], strict: Bool = false) throws -> ReplayOutcome {
        let made = try Recorder.baseline.get()
        return try ReplayRunner.replay(
            index: ReplayIndex(recording: made.recording), path: "baseline.jsonl.gz",
            config: try Recorder.configuration(phases), options: ReplayOptions(strict: strict))
    }

    static func ordering(_ outcome: ReplayOutcome) -> Double {
        outcome.run.timingTree.node(at: "playlist_ordering")?.seconds ?? 0
    }

    @Test func energyBatchesOfAnotherSizeAreComposedAndSizedAndStrictRefusesThem() throws {
        let recorded = try Self.replay([:])
        let small = try Self.replay(["ordering-batch": "2"])
        let large = try Self.replay(["ordering-batch": "16"])
        #expect(recorded.answers.llmResized == 0)
        #expect(small.answers.llmResized > 0 && large.answers.llmResized > 0)
        // Smaller batches, shorter calls; larger, longer (all of a batch run at once).
        #expect(Self.ordering(small) < Self.ordering(recorded))
        #expect(Self.ordering(large) > Self.ordering(recorded))
        #expect(throws: ReplayError.self) { _ = try Self.replay(["ordering-batch": "16"], strict: true) }
    }
}

/// A prediction interval on a what-if (issue 14 §4): the models drawn again with other seeds.
@Suite struct PredictionIntervalTests {
    static func runs(_ phases: [String: String], draws: Int) throws -> RunResult {
        let made = try Recorder.withFaults.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("perfbench-interval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("faults.jsonl.gz").path
        try made.recording.write(to: path)
        let config = phases.isEmpty ? nil : try Recorder.configuration(phases)
        return try #require(
            try ReplayRunner.replayCorpus(paths: [path], options: ReplayOptions(), jobs: 1, draws: draws) { _, _ in config }
                .first?.get())
    }

    @Test func aWhatIfGetsAnIntervalAndAnExactReplayAPoint() throws {
        let exact = try Self.runs([:], draws: 8)
        let interval = try #require(exact.interval)
        #expect(interval.draws == 8)
        #expect(interval.isPoint)
        #expect(interval.total.p50 == exact.totalSeconds)

        let whatIf = try Self.runs(["reccobeats-timeout": "600", "parallel-artists": "8"], draws: 12)
        let spread = try #require(whatIf.interval)
        #expect(spread.total.p10 <= spread.total.p50 && spread.total.p50 <= spread.total.p90)
        #expect(!spread.isPoint, "a what-if with tail draws should vary")
        // The same draws every time; one draw reports no interval at all.
        #expect(try Self.runs(["reccobeats-timeout": "600", "parallel-artists": "8"], draws: 12).interval == spread)
        #expect(try Self.runs(["reccobeats-timeout": "600"], draws: 1).interval == nil)
        #expect(TextReport.render(whatIf).contains("\ninterval: P10 "))
        #expect(JSONReport.render(whatIf).contains("\"interval\": {"))
        // The exact run's interval is written too (a point, as asserted above).
        #expect(JSONReport.render(exact).contains("\"interval\": {\n    \"draws\": 8,"))
    }

    @Test func drawsThatRunPastTheRunLimitAreCountedAsNotFinishing() throws {
        let quick = try Self.runs([:], draws: 1)
        var stuck = quick
        stuck.totalSeconds = PredictionInterval.runLimitSeconds + 1
        let interval = PredictionInterval(runs: [quick, quick, quick, quick, stuck])
        #expect(interval.unfinished == 0.2)
        #expect(interval.mayNotFinish)
        #expect(interval.text.contains("does not finish within 2400 s in 20 % of draws"))
        #expect(!PredictionInterval(runs: [quick, quick]).mayNotFinish)
    }
}
