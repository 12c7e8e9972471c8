import Foundation
import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import Synchronization
import Testing

/// Replays over several recordings, on several threads.
@Suite struct CorpusReplayTests {
    static let paths: [String] = {
        let prompts = ["rainy sunday indie", "late night drive", "focus without words"]
        var paths: [String] = []
        for (number, prompt) in prompts.enumerated() {
            let path = TemporaryFiles.path("corpus-\(number).jsonl.gz")
            if let made = try? Recorder.record(prompt: prompt) { try? made.recording.write(to: path) }
            paths.append(path)
        }
        return paths
    }()

    @Test func oneJobAndTwoJobsGiveByteIdenticalReports() throws {
        let one = try ReplayRunner.replayCorpus(paths: Self.paths, config: nil, strict: false, jobs: 1)
        let two = try ReplayRunner.replayCorpus(paths: Self.paths, config: nil, strict: false, jobs: 2)
        #expect(one.map(\.recording) == Self.paths)
        #expect(two.map(\.recording) == Self.paths)
        #expect(JSONReport.render(corpus: one) == JSONReport.render(corpus: two))
        #expect(one.map { JSONReport.render($0) } == two.map { JSONReport.render($0) })
    }

    @Test func counterfactualCorpusReplaysAreIdenticalAcrossJobCounts() throws {
        let config = try Recorder.configuration(["chunk-size": "10-15/2x", "parallel-artists": "8"])
        let one = try ReplayRunner.replayCorpus(paths: Self.paths, config: config, strict: false, jobs: 1)
        let three = try ReplayRunner.replayCorpus(paths: Self.paths, config: config, strict: false, jobs: 3)
        #expect(JSONReport.render(corpus: one) == JSONReport.render(corpus: three))
        #expect(one.allSatisfy { $0.requests.synthesized > 0 })
    }

    @Test func aMissingRecordingFailsTheCorpusNamingIt() throws {
        let missing = TemporaryFiles.path("missing.jsonl.gz")
        let results = ReplayRunner.replayCorpus(
            paths: [Self.paths[0], missing], config: nil, options: ReplayOptions(), jobs: 2)
        #expect((try? results[0].get()) != nil)
        do {
            _ = try results[1].get()
            Issue.record("a missing file should fail")
        } catch let error as RecordingError {
            #expect(error.exitCode == 66)
            #expect(error.description.contains("missing.jsonl.gz"))
        }
    }

    @Test func aMatrixLoadsEachRecordingOnceAndGivesWhatSeparateReplaysGive() throws {
        let whatIf = try Recorder.configuration(["chunk-size": "10-15/2x", "parallel-artists": "8"])
        let columns: [PipelineConfiguration?] = [nil, whatIf, nil]
        let loads = Mutex<[String: Int]>([:])
        let matrix = ReplayRunner.replayMatrix(
            paths: Self.paths, options: Array(repeating: ReplayOptions(), count: columns.count), jobs: 2,
            load: { path in
                loads.withLock { $0[path, default: 0] += 1 }
                return try Recording.load(from: path)
            },
            configure: { column, _, _ in columns[column] })
        #expect(loads.withLock { $0 } == Dictionary(uniqueKeysWithValues: Self.paths.map { ($0, 1) }))
        #expect(matrix.count == columns.count)
        for (column, config) in columns.enumerated() {
            let separate = try ReplayRunner.replayCorpus(paths: Self.paths, config: config, strict: false, jobs: 1)
            let row = try matrix[column].map { try $0.get() }
            #expect(JSONReport.render(corpus: row) == JSONReport.render(corpus: separate))
        }
    }

    /// Enough recordings that each worker takes whole recordings (every configuration of one in
    /// a row): the same results as one job, in the same places.
    @Test func aMatrixOfManyRecordingsGivesTheSameResultsWithAnyJobs() throws {
        // Nine files under names of their own, so a result put in another recording's place shows.
        let paths = try (0..<9).map { number in
            let path = TemporaryFiles.path("matrix-\(number).jsonl.gz")
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.copyItem(atPath: Self.paths[number % Self.paths.count], toPath: path)
            return path
        }
        let whatIf = try Recorder.configuration(["chunk-size": "10-15/2x", "parallel-artists": "8"])
        let columns: [PipelineConfiguration?] = [nil, whatIf]
        func matrix(jobs: Int) throws -> [String] {
            try ReplayRunner.replayMatrix(
                paths: paths, options: Array(repeating: ReplayOptions(), count: columns.count), jobs: jobs,
                configure: { column, _, _ in columns[column] }
            ).map { column in
                let runs = try column.map { try $0.get() }
                #expect(runs.map(\.recording) == paths)
                return JSONReport.render(corpus: runs)
            }
        }
        let one = try matrix(jobs: 1)
        #expect(one.count == 2 && one[0] != one[1])
        #expect(try matrix(jobs: 2) == one)
        #expect(try matrix(jobs: 3) == one)
    }

    /// One recording's draws spread over the workers: the same interval as drawn one by one.
    @Test func oneRecordingsDrawsGiveTheSameIntervalWithAnyJobs() throws {
        let whatIf = try Recorder.configuration(["chunk-size": "10-15/2x", "parallel-artists": "8"])
        func interval(jobs: Int) throws -> RunResult {
            try #require(
                try ReplayRunner.replayCorpus(
                    paths: [Self.paths[0]], options: ReplayOptions(), jobs: jobs, draws: 7, configure: { _, _ in whatIf }
                ).first?.get())
        }
        let one = try interval(jobs: 1)
        #expect(one.interval?.isPoint == false)
        for jobs in [2, 3] { #expect(JSONReport.render(try interval(jobs: jobs)) == JSONReport.render(one)) }
    }

    /// Two cells and four workers: each cell's draws on two of them, the same intervals.
    @Test func aDiffsDrawsGiveTheSameIntervalsWithMoreWorkersThanCells() throws {
        let whatIf = try Recorder.configuration(["chunk-size": "10-15/2x", "parallel-artists": "8"])
        let columns: [PipelineConfiguration?] = [nil, whatIf]
        func matrix(jobs: Int) throws -> [String] {
            try ReplayRunner.replayMatrix(
                paths: [Self.paths[1]], options: Array(repeating: ReplayOptions(), count: 2), jobs: jobs, draws: 5,
                configure: { column, _, _ in columns[column] }
            ).map { column in JSONReport.render(corpus: try column.map { try $0.get() }) }
        }
        #expect(try matrix(jobs: 4) == (try matrix(jobs: 1)))
    }

    /// A run that keeps only its critical path's summary reports the same path as one that
    /// keeps every event: what corpus diffs without `--html`, `--trace` or `--speedscope` hold.
    @Test func runsKeepingOnlyTheirPathSummaryReportTheSamePath() throws {
        let config = try Preset.named("plan-all").configuration()
        var summaryOnly = ReplayOptions()
        summaryOnly.keepsEveryEvent = false
        let full = try ReplayRunner.replayCorpus(paths: Self.paths, config: config, options: ReplayOptions(), jobs: 1)
            .map { try $0.get() }
        let kept = try ReplayRunner.replayCorpus(paths: Self.paths, config: config, options: summaryOnly, jobs: 1)
            .map { try $0.get() }
        for (all, some) in zip(full, kept) {
            #expect(all.pathSummary == nil)
            #expect(some.pathSummary != nil)
            #expect(some.criticalPathSummary == CriticalPathSummary(CriticalPath(all)))
            #expect(some.exchanges.isEmpty && some.waitEvents.isEmpty)
            #expect(!all.exchanges.isEmpty)
        }
        #expect(JSONReport.render(corpus: kept) == JSONReport.render(corpus: full))
        #expect(TextReport.render(corpus: kept, colour: false) == TextReport.render(corpus: full, colour: false))
        #expect(TextReport.render(kept[0], colour: false) == TextReport.render(full[0], colour: false))
        let (a, b) = (RunConfig(name: "a", phases: [:]), RunConfig(name: "b", phases: [:]))
        let diff = DiffReport(base: full, candidate: full, baseConfig: a, candidateConfig: b)
        let keptDiff = DiffReport(base: kept, candidate: kept, baseConfig: a, candidateConfig: b)
        #expect(JSONReport.render(keptDiff) == JSONReport.render(diff))
        #expect(TextReport.render(keptDiff, colour: false) == TextReport.render(diff, colour: false))
    }

    @Test func runsWithoutEventsKeepEveryFigureButTheEvents() throws {
        var lean = ReplayOptions()
        lean.keepsEvents = false
        let full = try ReplayRunner.replayCorpus(paths: Self.paths, config: nil, options: ReplayOptions(), jobs: 1).map { try $0.get() }
        let light = try ReplayRunner.replayCorpus(paths: Self.paths, config: nil, options: lean, jobs: 1).map { try $0.get() }
        #expect(full.allSatisfy { !$0.exchanges.isEmpty })
        // What a run keeps of its exchanges is timing and names: no bodies, no headers.
        #expect(full.allSatisfy { run in
            run.exchanges.allSatisfy {
                $0.requestBody == nil && $0.responseBody == nil && $0.requestHeaders.isEmpty && $0.responseHeaders.isEmpty
            }
        })
        #expect(light.allSatisfy { $0.exchanges.isEmpty && $0.waitEvents.isEmpty })
        #expect(light.map(\.totalSeconds) == full.map(\.totalSeconds))
        #expect(light.map(\.requests) == full.map(\.requests))
        #expect(light.map(\.stages) == full.map(\.stages))
        // Waits, retries and cache hits are counted without being kept as events.
        #expect(light.map(\.waits) == full.map(\.waits))
        #expect(light.map(\.cache) == full.map(\.cache))
        #expect(light.map(\.counters) == full.map(\.counters))
        #expect(full.contains { $0.waits.minIntervalCount > 0 } && full.contains { $0.cache.hits > 0 })
    }
}
