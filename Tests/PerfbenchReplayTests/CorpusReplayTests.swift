import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
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
}
