import Foundation
import PerfbenchTestSupport
import Testing

@testable import PerfbenchImport
import PerfbenchRecording

@Suite("Moodlist log import")
struct MoodlistLogImporterTests {
    func stages(_ recording: Recording) -> [String: StageSpan] {
        var spans: [String: StageSpan] = [:]
        for case .stage(let span) in recording.events where spans[span.path] == nil { spans[span.path] = span }
        return spans
    }

    func waits(_ recording: Recording) -> [Wait] {
        recording.events.compactMap { if case .wait(let wait) = $0 { return wait } else { return nil } }
    }

    @Test func parsesConsoleLinesWithColoursLoggerAndPairs() throws {
        let raw = "\u{1B}[2m2025-11-07T14:40:14.438198Z\u{1B}[0m [\u{1B}[32minfo     \u{1B}[0m] Seed gathering completed  "
            + " [app.x.seed] build_seed_pool_seconds=3.78 params={'a': 1, 'b': 2} name='two words'"
        let line = try #require(MoodlistLogLine.parse(raw))
        #expect(line.clock == .utc)
        #expect(line.level == "info")
        #expect(line.event == "Seed gathering completed")
        #expect(line.fields == ["build_seed_pool_seconds": "3.78", "params": "{'a': 1, 'b': 2}", "name": "two words"])
        let local = try #require(MoodlistLogLine.parse("2025-10-31 14:16:40 [debug    ] Looking up session  session_token=x"))
        #expect(local.clock == .local)
        #expect(local.event == "Looking up session")
        #expect(local.fields["session_token"] == "x")
        #expect(MoodlistLogLine.parse("INFO:     127.0.0.1:1 - \"GET / HTTP/1.1\" 200 OK")?.timestampMicros == nil)
        #expect(MoodlistLogLine.parse("Traceback (most recent call last):") == nil)
    }

    @Test func rebuildsStagesWaitsAndExchangesOfAUTCWorkflow() throws {
        let result = try MoodlistLogImporter().importText(MoodlistLogFixtures.utcWorkflow, path: "fixture.log")
        #expect(result.workflows.count == 1)
        #expect(result.skippedLines == 2)
        let workflow = try #require(result.workflows.first)
        #expect(workflow.isComplete)
        #expect(workflow.totalSeconds == 306.14)
        #expect(workflow.recording.header.prompt == "Caribbean rhythms and island vibes")
        let spans = stages(workflow.recording)
        #expect(spans["workflow"]?.durationMicros == 306_140_000)
        #expect(spans["intent_analysis"]?.durationMicros == 3_024_819)
        #expect(spans["mood_analysis"]?.durationMicros == 3_111_405)
        let seed = try #require(spans["orchestration/initial_generation/seed_gathering"])
        #expect(seed.durationMicros == 114_026_103)
        let anchors = try #require(spans["orchestration/initial_generation/seed_gathering/anchor_selection"])
        #expect(anchors.durationMicros == 97_090_000)
        #expect(anchors.startMicros == seed.startMicros)
        #expect(spans["orchestration/initial_generation/seed_gathering/build_seed_pool"]?.durationMicros == 3_780_000)
        #expect(spans["orchestration/initial_generation/recommendation_generation"]?.durationMicros == 67_523_853)
        // The regeneration nests in the loop's strategies, which start at the iteration line.
        #expect(
            spans["orchestration/iterative_improvement/improvement_strategies/recommendation_generation"]?.durationMicros
                == 97_405_815)
        #expect(spans["orchestration/iterative_improvement/improvement_strategies"]?.durationMicros == 103_604_674)
        #expect(workflow.printedSeconds["orchestration/initial_generation/seed_gathering/anchor_selection"] == 97.09)
        #expect(workflow.printedSeconds["workflow"] == 306.14)
        // The orchestrator's own figure (100.26 s) counts only from the last nested agent's start.
        let orchestration = try #require(spans["orchestration"])
        #expect(orchestration.durationMicros > 290_000_000)
        #expect(spans["playlist_ordering"]?.provenance == .inferred)
        let allWaits = waits(workflow.recording)
        #expect(allWaits.map(\.kind) == [.window, .minInterval])
        #expect(allWaits.first?.tool == "get_track_audio_features")
        #expect(allWaits.first?.durationMicros == 26_500_000)
        let retries = workflow.recording.events.compactMap { if case .retry(let retry) = $0 { return retry } else { return nil } }
        #expect(retries.map(\.reason) == [.timeout])
        let exchanges = workflow.recording.exchanges
        // The slow request (42.5 s in all) was retried after a timeout 32.5 s in: two attempts,
        // a timeout up to the retry line and the success after the 0.5 s backoff.
        let attempts = exchanges.filter { $0.url.contains("/v1/track/recommendation") }
        #expect(attempts.map(\.outcome) == [.timeout, .ok])
        #expect(attempts.map(\.durationMicros) == [32_500_000, 9_500_000])
        #expect(attempts.allSatisfy { $0.url.contains("seeds=a%2Cb%2Cc") })
        #expect(exchanges.contains { $0.url.contains("/v1/artists/4MFEUloFYnm8U4OAGWQH2w/top-tracks?market=US") })
        #expect(exchanges.contains { $0.service == .llm && $0.stage == "playlist_ordering" })
        #expect(workflow.provenanceCounts.observed > 0 && workflow.provenanceCounts.inferred > 0)
    }

    @Test func backwardsTimestampsAreClampedAndCounted() throws {
        let workflow = try #require(
            try MoodlistLogImporter().importText(MoodlistLogFixtures.utcWorkflow, path: "f").workflows.first)
        #expect(workflow.backwardJumps == 1)
        #expect(workflow.largestBackwardJumpMicros == 4_447_371)
        // The search that "finished" 4.4 s before it started gets a zero duration, not a negative one.
        let search = try #require(workflow.recording.exchanges.first { $0.url.contains("genre%3Acalypso") })
        #expect(search.durationMicros == 0)
        var previous = 0
        for event in workflow.recording.events {
            #expect(event.startMicros >= previous)
            previous = event.startMicros
        }
    }

    @Test func clockExcursionsMoveBackOntoTheBase() {
        // A 6.2 s excursion hidden in a 7.3 s gap (1 s of real work), ended by a step back.
        let seconds: [Double] = [0, 1, 8.3, 8.5, 2.3, 3]
        let repaired = MoodlistClockRepair.repair(seconds.map { Int64($0 * 1_000_000) })
        #expect(repaired == [0, 1, 2.1, 2.3, 2.3, 3].map { Int64(($0 * 1_000_000).rounded()) })
        // A step back with no forward step to hold it is left to the builder's clamp.
        #expect(MoodlistClockRepair.repair([0, 300_000, 600_000, -1_000_000]) == [0, 300_000, 600_000, -1_000_000])
    }

    @Test func timeTheClockLostInAWindowWaitIsAddedBack() {
        // "waiting 10s" at 1 s, yet the line that ends the wait says 9 s: 2 s were lost.
        let stamps: [Int64] = [0, 1_000_000, 1_100_000, 9_000_000, 9_500_000]
        let sleeps: [Int64?] = [nil, 10_000_000, nil, nil, nil]
        let repaired = MoodlistClockRepair.repair(stamps, sleeps: sleeps)
        #expect(repaired.stamps == [0, 1_000_000, 1_100_000, 11_000_000, 11_500_000])
        #expect(repaired.lost == [0, 0, 0, 2_000_000, 0])
        // Waits the log shows in full lose nothing.
        #expect(MoodlistClockRepair.repair([0, 1_000_000, 12_000_000], sleeps: [nil, 10_000_000, nil]).lost == [0, 0, 0])
    }

    @Test func importsJSONLinesAndReportsWhereATruncatedWorkflowStopped() throws {
        let result = try MoodlistLogImporter().importText(MoodlistLogFixtures.jsonThenTruncated, path: "f")
        #expect(result.workflows.map(\.id) == ["wf-json", "wf-local"])
        #expect(result.workflows.map(\.isComplete) == [true, false])
        #expect(result.workflows[1].lastLine == 13)
        #expect(result.firstUsable?.id == "wf-json")
        let local = stages(result.workflows[1].recording)
        #expect(local["intent_analysis"]?.durationMicros == 9_149_241)
        #expect(local["mood_analysis"]?.startMicros == 12_000_000)
        #expect(local["workflow"] == nil)
        #expect(waits(result.workflows[0].recording).first?.durationMicros == 47_800_000)
    }

    @Test func aLogWithoutAWorkflowIsBadData() throws {
        let error = try #require(throws: RecordingError.self) {
            try MoodlistLogImporter().importText(MoodlistLogFixtures.noWorkflow, path: "startup.log")
        }
        #expect(error.exitCode == 65)
        #expect(error.description.hasPrefix("startup.log: moodlist-log: no workflow found in 3 lines"))
    }

    @Test func secretsNeverReachTheWrittenFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let text = MoodlistLogFixtures.utcWorkflow.replacingOccurrences(
            of: "'Jimmy Cliff'", with: "'Jimmy Cliff token=abc123secret'")
        let logPath = try folder.write("backend.log", text: text)
        #expect(try MoodlistLogImporter.looksLikeLog(path: logPath))
        let workflow = try #require(try MoodlistLogImporter().importFile(path: logPath).workflows.first)
        try workflow.recording.write(to: folder.file("out.jsonl.gz"))
        let written = String(decoding: try GzipReader(path: folder.file("out.jsonl.gz")).readAll(), as: UTF8.self)
        for secret in ["hunter2secret", "AQDsecretcode123", "abc123secret", "BQCsecrettoken"] { #expect(!written.contains(secret)) }
    }
}
