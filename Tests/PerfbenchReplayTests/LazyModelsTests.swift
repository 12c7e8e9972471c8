import PerfbenchPipeline
import PerfbenchRecording
@testable import PerfbenchReplay
import Testing

/// The counterfactual models are built one by one, when a replay first needs each: a what-if
/// answered wholly from the recording must not pay for the catalogue of every recorded body.
@Suite struct LazyModelsTests {
    @Test func aWhatIfAnsweredFromTheRecordingBuildsNoCatalogue() throws {
        let index = try WorldIndex.make("nov07", seed: 46, prompt: 0)
        #expect(index.models.built.isEmpty)
        // Recorded answers only: the same configuration with ReccoBeats twice as fast.
        var options = ReplayOptions()
        options.latencyChanges = [try LatencyChange(parsing: "reccobeats=0.5")]
        let run = try ReplayRunner.replay(index: index, path: "nov07", config: nil, options: options).run
        #expect(run.requests.exact == run.requests.total)
        // A what-if asks whether a host went down (built all models at once, before), nothing more.
        #expect(index.models.built == ["outages"])
    }

    @Test func batchesComposedFromRecordedBatchesNeedNoCatalogue() throws {
        let index = try WorldIndex.make("default", seed: 7, prompt: 0)
        let config = try Preset.named("plan-critical-path").configuration()
        let run = try ReplayRunner.replay(index: index, path: "default", config: config, options: ReplayOptions()).run
        try #require(run.requests.composed > 0 && run.requests.synthesized == 0, "the preset should only compose batches here")
        #expect(index.models.built.contains("batches"))
        #expect(!index.models.built.contains("catalogue"))
        // The same replay with the whole catalogue built first composes the same answers.
        let other = ReplayIndex(recording: index.recording)
        _ = other.models.catalogue
        let again = try ReplayRunner.replay(index: other, path: "default", config: config, options: ReplayOptions()).run
        #expect(again.requests == run.requests)
        #expect(again.totalSeconds == run.totalSeconds)
        #expect(Set(other.models.batches.keys) == Set(index.models.batches.keys))
        for (batch, record) in index.models.batches {
            #expect(other.models.batches[batch]?.absent == record.absent)
            #expect(other.models.batches[batch]?.items == record.items)
        }
    }

    @Test func aWhatIfThatComposesAnAnswerBuildsTheCatalogueOnceForEveryReplay() throws {
        let index = try WorldIndex.make("nov07", seed: 46, prompt: 0)
        let config = try Preset.named("shipped-latest").configuration()
        let first = try ReplayRunner.replay(index: index, path: "nov07", config: config, options: ReplayOptions()).run
        try #require(first.requests.exact < first.requests.total, "the preset should need answers the recording lacks")
        #expect(index.models.built.contains("catalogue"))
        // A second replay of the index reuses what was built and gives the same run.
        let second = try ReplayRunner.replay(index: index, path: "nov07", config: config, options: ReplayOptions()).run
        #expect(second.totalSeconds == first.totalSeconds)
        #expect(second.requests == first.requests)
    }
}
