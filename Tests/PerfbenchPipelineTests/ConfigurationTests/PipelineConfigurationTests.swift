import Foundation
import Testing

@testable import PerfbenchPipeline

/// The typed accessors the workflow reads, and the canonical `[id: value]` form.
@Suite("PipelineConfiguration")
struct PipelineConfigurationTests {
    @Test func baselineAccessorsHoldTheBackendsBaseline() {
        let config = PipelineConfiguration.baseline
        #expect(config.name == "baseline")
        #expect(config.skipIteration == nil)
        #expect(config.anchorGenreLimit == 8 && config.anchorArtistLimit == 8)
        #expect(config.discoveryLimits == DiscoveryLimits(artistSearchLimit: 40, trackSearchLimit: 30, genreCount: 10))
        #expect(config.topTracksFetch == .batches(size: 5))
        #expect(config.orderingBatchSize == 8 && config.maxIterations == 1 && config.anchorSelectionLimit == 5)
        #expect(config.qualityThreshold == .planner)
        #expect(config.topTracksCacheTTL == .seconds(1800) && config.trackDetailsTTL == .seconds(1800))
        #expect(config.parallelArtists == nil)
        #expect(config.reccobeatsTimeout == .seconds(30))
        #expect(config.seedStagger == .milliseconds(200))
        #expect(config.seedChunkConcurrency == 3)
        #expect(config.trackDetailsBatching == nil && config.seedChunkCacheTTL == nil)
        #expect(config.chunkSizing == ChunkSizing(minimum: 3, maximum: 10, chunkMultiplier: 1))
        #expect(config.requestCancellation == .off && config.circuitBreaker == nil)
        #expect(config.reccobeatsSemaphore == 6)
        #expect(config.audioFeatureBatching == AudioFeatureBatching(batchSize: 5, concurrency: 3, pause: .milliseconds(1200)))
        #expect(config.retryAfterCap == nil && config.requestDedup == .cached && config.cacheTier == .memory)
    }

    @Test func shippedValuesReachTheTypedAccessors() throws {
        var config = PipelineConfiguration.baseline
        for phase in Phase.all where phase.shipped != nil { try phase.apply("shipped", to: &config) }
        #expect(config.skipIteration == SkipIterationPolicy(overallThreshold: 0.75, cohesionThreshold: 0.60, extraEvaluationFirst: true))
        #expect(config.topTracksFetch == .semaphore(permits: 4))
        #expect(config.parallelArtists == 8)
        #expect(config.reccobeatsTimeout == .seconds(180))
        #expect(config.trackDetailsBatching == TrackDetailsBatching(chunkSize: 50, concurrency: 3))
        #expect(config.requestCancellation == .energyBatches(timeout: .seconds(45)))
        #expect(config.reccobeatsSemaphore == 15)
        #expect(config.retryAfterCap == .seconds(300))
        #expect(config.cacheTier == .remote(roundTrip: .milliseconds(20)))
        #expect(config.seedChunkCacheTTL == .seconds(7 * 86_400))
    }

    @Test func freeValuesSetTheTypedAccessors() throws {
        var config = PipelineConfiguration.baseline
        try config.set(.parallelArtists, to: "8")
        try config.set(.circuitBreaker, to: "5/1min")
        try config.set(.qualityThreshold, to: "0.70")
        try config.set(.discoveryArtistLimit, to: "25")
        try config.set(.chunkSize, to: "12")
        try config.set(.topTracksCacheTTL, to: "120min")
        try config.set(.audioFeatureBatching, to: "20/10/0.5")
        #expect(config.parallelArtists == 8)
        #expect(config.circuitBreaker == CircuitBreakerPolicy(failureThreshold: 5, cooldown: .seconds(60)))
        #expect(config.qualityThreshold == .fixed(0.70))
        #expect(config.discoveryLimits == DiscoveryLimits(artistSearchLimit: 25, trackSearchLimit: 30, genreCount: 10))
        #expect(config.chunkSizing == ChunkSizing(minimum: 3, maximum: 12))
        #expect(config.value(of: .topTracksCacheTTL) == "2h")
        #expect(config.value(of: .audioFeatureBatching) == "20/10/0.5s")
    }

    @Test func phaseSettingsAreSortedByIDAndCoverEveryToggle() {
        let ids = PipelineConfiguration.baseline.phaseSettings.map(\.id.rawValue)
        #expect(ids == ids.sorted())
        #expect(ids.count == 39)
    }

    @Test(arguments: Preset.all.map(\.name))
    func canonicalMapRoundTrips(_ presetName: String) throws {
        let config = try Preset.named(presetName).configuration()
        let rebuilt = try PipelineConfiguration(name: config.name, phases: config.phaseMap)
        #expect(rebuilt == config)
    }

    @Test func missingIDsInAStoredMapTakeBaselineAndUnknownOnesFail() throws {
        let partial = try PipelineConfiguration(name: "old", phases: ["parallel-artists": "5"])
        #expect(partial.parallelArtists == 5)
        #expect(partial.differences(from: .baseline).map(\.id) == [.parallelArtists])
        let error = #expect(throws: ConfigurationError.self) {
            try PipelineConfiguration(name: "x", phases: ["paralel-artists": "5"])
        }
        #expect(error?.message.contains("Did you mean \"parallel-artists\"?") == true)
    }

    @Test func jsonEncodingIsSortedAndDecodesBack() throws {
        let config = try PipelineConfiguration.resolve(spec: "plan-critical-path,skip-iteration")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(config)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\"name\":\"plan-critical-path,skip-iteration=0.75/0.65\",\"phases\":{\"album-sampling\":\"stable\",\"anchor-artist-limit\":\"8\""))
        #expect(try encoder.encode(config) == data)
        #expect(try JSONDecoder().decode(PipelineConfiguration.self, from: data) == config)
    }

    @Test func differencesListChangedTogglesSortedByID() throws {
        let config = try PipelineConfiguration.resolve(spec: "seed-stagger=0,anchor-genre-limit=4")
        #expect(config.differences(from: .baseline).map(\.description) == [
            "anchor-genre-limit: 8 -> 4", "seed-stagger: 0.2s -> 0s",
        ])
        #expect(config.hasSameValues(as: try PipelineConfiguration.resolve(spec: "anchor-genre-limit=4,seed-stagger=0s")))
    }
}
