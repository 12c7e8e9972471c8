import PerfbenchPipeline
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import Testing

/// Replaying a recording under the configuration it was made with reproduces it.
@Suite struct ReplayFidelityTests {
    static let configurations: [[String: String]] = [
        [:],
        ["reccobeats-timeout": "60", "seed-chunk-concurrency": "6"],
        ["top-tracks-batch": "10", "parallel-artists": "5", "batch-track-details": "shipped"],
        ["overlap-discovery": "partial", "parallel-details-features": "on", "skip-iteration": "doc"],
    ]

    @Test(arguments: configurations)
    func replayUnderTheRecordedConfigurationReproducesStagesAndRequests(_ phases: [String: String]) throws {
        let config = try Recorder.configuration(phases)
        let made = try Recorder.record(
            config, faults: RecordingUpstream.Faults(slowRecommendationEvery: 4, genreSearch429RetryAfter: 3))
        let replayed = try ReplayRunner.replay(recording: made.recording, path: "rec.jsonl.gz", config: nil, strict: false)

        Fixtures.expectSpansMatch(recorded: made.result.stages, replayed: replayed.stages)
        #expect(replayed.requests.total == made.recording.exchanges.count)
        #expect(replayed.requests.exact == replayed.requests.total)
        #expect(replayed.requests.composed == 0)
        #expect(replayed.requests.synthesized == 0)
        #expect(replayed.totalSeconds == made.result.total.seconds)
        #expect(replayed.config.phases == config.phaseMap)
        #expect(replayed.quality.overall == made.result.quality.overall)
    }

    @Test func strictReplayOfTheRecordedConfigurationSucceeds() throws {
        let made = try Recorder.withFaults.get()
        let replayed = try ReplayRunner.replay(recording: made.recording, path: "rec.jsonl.gz", config: nil, strict: true)
        #expect(replayed.requests.exact == made.recording.exchanges.count)
        #expect(replayed.requests.timeouts == made.result.counters.timeouts)
        #expect(replayed.waits.retryAfterCount == made.result.counters.retryAfterWaits)
    }

    @Test func recordedFaultsAreReplayedAsRecorded() throws {
        let made = try Recorder.withFaults.get()
        #expect(made.result.counters.timeouts > 0, "the fixture records timeouts")
        #expect(made.result.counters.retryAfterWaits > 0, "the fixture records a 429")
        let outcome = try ReplayRunner.replay(
            index: ReplayIndex(recording: made.recording), path: "rec", config: nil, options: ReplayOptions())
        #expect(outcome.workflow.counters.timeouts == made.result.counters.timeouts)
        #expect(outcome.workflow.counters.errors == made.result.counters.errors)
        #expect(outcome.workflow.counters.retryAfterSeconds == made.result.counters.retryAfterSeconds)
        #expect(outcome.answers.rateLimited == 0)
        #expect(outcome.workflow.playlist.map(\.id) == made.result.playlist.map(\.id))
    }

    @Test func replayRoundTripsThroughTheFileFormat() throws {
        let made = try Recorder.withFaults.get()
        let path = TemporaryFiles.path("fidelity.jsonl.gz")
        try made.recording.write(to: path)
        let loaded = try Recording.load(from: path)
        let replayed = try ReplayRunner.replay(recording: loaded, path: path, config: nil, strict: true)
        Fixtures.expectSpansMatch(recorded: made.result.stages, replayed: replayed.stages)
        #expect(replayed.requests.exact == made.recording.exchanges.count)
    }
}
