import PerfbenchPipeline
import PerfbenchRecording
import Testing

/// One test per toggle of PIPELINE.md §7: each shows the behaviour the toggle changes.
@Suite("Every toggle changes what it should")
struct ToggleEffectTests {
    typealias Harness = WorkflowHarness

    // MARK: guide

    @Test func skipIterationRemovesRegenerationWhenQualityIsGood() throws {
        // A fixed bar of 0.99 makes the baseline regenerate although quality is good.
        let forced = ["quality-threshold": "0.99"]
        let base = try Harness.run(forced)
        let skipping = try Harness.run(forced.merging(["skip-iteration": "doc"]) { $1 })
        #expect(base.span("orchestration/iterative_improvement/improvement_strategies") != nil)
        #expect(skipping.span("orchestration/iterative_improvement/improvement_strategies") == nil)
        #expect(skipping.result.counters.generatorRuns < base.result.counters.generatorRuns)
        // With poor quality the iteration stays.
        let poor = try Harness.run(forced.merging(["skip-iteration": "doc"]) { $1 }, llmScore: 0.1)
        #expect(poor.span("orchestration/iterative_improvement/improvement_strategies") != nil)
    }

    @Test func shippedSkipIterationEvaluatesOnceMoreFirst() throws {
        let forced = ["quality-threshold": "0.99"]
        let shipped = try Harness.run(forced.merging(["skip-iteration": "shipped"]) { $1 })
        #expect(shipped.calls(LLMTask.qualityEvaluation.rawValue).count == 1)
        #expect(shipped.span("orchestration/iterative_improvement/quality_evaluation") == nil)
    }

    @Test func anchorGenreLimitCapsGenreSearches() throws {
        let genreSearches = { (outcome: Harness.Outcome) in
            outcome.calls("search_spotify_tracks", in: "anchor_selection").filter { $0.pathAndQuery.contains("genre%3A") }.count
        }
        #expect(genreSearches(try Harness.run()) == 8)
        #expect(genreSearches(try Harness.run(["anchor-genre-limit": "4"])) == 4)
    }

    @Test func anchorArtistLimitCapsArtistSearches() throws {
        #expect(try Harness.run().calls("search_spotify_artists", in: "anchor_selection").count == 8)
        #expect(try Harness.run(["anchor-artist-limit": "5"]).calls("search_spotify_artists", in: "anchor_selection").count == 5)
    }

    @Test func discoveryArtistLimitNarrowsGenreSearches() throws {
        let base = try Harness.run().calls("search_spotify_artists", in: "artist_discovery")
        let narrow = try Harness.run(["discovery-artist-limit": "shipped"]).calls("search_spotify_artists", in: "artist_discovery")
        #expect(base.contains { $0.pathAndQuery.contains("limit=40") })
        #expect(narrow.contains { $0.pathAndQuery.contains("limit=20") })
        #expect(narrow.filter { $0.pathAndQuery.contains("genre") }.count == 6)
        #expect(base.filter { $0.pathAndQuery.contains("genre") }.count == 9)
    }

    @Test func topTracksBatchOfTenFetchesEightArtistsInOneWave() throws {
        let waves = { (outcome: Harness.Outcome) in
            Set(outcome.calls("get_artist_top_tracks", in: "anchor_selection").map(\.start)).count
        }
        #expect(waves(try Harness.run()) == 2)
        #expect(waves(try Harness.run(["top-tracks-batch": "10"])) == 1)
        let semaphore = try Harness.run(["top-tracks-batch": "semaphore/4"])
        #expect(semaphore.peakSimultaneousStarts("get_artist_top_tracks") <= 4)
    }

    @Test func fastAnchorScoringDropsTheLLMScoringCall() throws {
        #expect(try Harness.run().calls("anchor_scoring").count == 1)
        #expect(try Harness.run(["fast-anchor-scoring": "on"]).calls("anchor_scoring").isEmpty)
    }

    @Test func orderingBatchSetsEnergyBatchCount() throws {
        let base = try Harness.run()
        let tracks = base.result.playlist.count
        #expect(base.calls("energy_analysis").count == (tracks + 7) / 8)
        #expect(try Harness.run(["ordering-batch": "16"]).calls("energy_analysis").count == (tracks + 15) / 16)
    }

    @Test func maxIterationsZeroSkipsEvaluation() throws {
        let none = try Harness.run(["max-iterations": "0"])
        #expect(none.span("orchestration/iterative_improvement/quality_evaluation") == nil)
        let two = try Harness.run(["max-iterations": "2", "quality-threshold": "0.99"])
        #expect(two.calls("improvement_strategy").count == 2)
    }

    @Test func qualityThresholdDecidesRegeneration() throws {
        #expect(try Harness.run().calls("improvement_strategy").isEmpty)
        #expect(try Harness.run(["quality-threshold": "0.99"]).calls("improvement_strategy").count == 1)
    }

    @Test func anchorSelectionLimitSetsAnchorCount() throws {
        #expect(try Harness.run().result.counters.anchors == 5)
        #expect(try Harness.run(["anchor-selection-limit": "4"]).result.counters.anchors == 4)
    }

    // MARK: plan

    @Test func topTracksCacheTTLOfTwoHoursKeepsThemAcrossFortyMinutes() throws {
        let base = try Harness.run(gap: .seconds(2400), workflows: 2)
        let long = try Harness.run(["top-tracks-cache-ttl": "doc"], gap: .seconds(2400), workflows: 2)
        let refetched = { (o: Harness.Outcome) in o.lastWorkflowCalls.filter { $0.tool == "get_artist_top_tracks" }.count }
        #expect(refetched(base) > 0)
        #expect(refetched(long) == 0)
    }

    @Test func prefetchArtistDataFetchesTopTracksDuringSeedGathering() throws {
        let prefetched = { (o: Harness.Outcome) in
            o.calls("get_artist_top_tracks").filter {
                $0.stage == "orchestration/initial_generation/seed_gathering"
            }.count
        }
        #expect(prefetched(try Harness.run()) == 0)
        #expect(prefetched(try Harness.run(["prefetch-artist-data": "on"])) > 0)
    }

    @Test func parallelArtistsRunsArtistsAtOnce() throws {
        #expect(try Harness.run().peakSimultaneousStarts("get_artist_albums") == 1)
        #expect(try Harness.run(["parallel-artists": "5"]).peakSimultaneousStarts("get_artist_albums") == 5)
    }

    @Test func reccobeatsTimeoutOfSixtyLetsFortyFiveSecondCallsFinish() throws {
        let slow: @Sendable (HTTPRequest) -> Double = { $0.tool == "get_track_recommendations" ? 45 : 0.5 }
        let base = try Harness.run(latency: slow)
        let longer = try Harness.run(["reccobeats-timeout": "60s"], latency: slow)
        #expect(base.result.counters.timeouts > 0)
        #expect(longer.result.counters.timeouts == 0)
    }

    @Test func slowRequestLogCountsWithoutChangingTime() throws {
        let slow: @Sendable (HTTPRequest) -> Double = { $0.tool == "get_track_recommendations" ? 25 : 0.5 }
        let base = try Harness.run(latency: slow)
        let logged = try Harness.run(["slow-request-log": "on"], latency: slow)
        #expect(base.result.counters.slowRequests == 0)
        #expect(logged.result.counters.slowRequests > 0)
        #expect(logged.result.total == base.result.total)
    }

    @Test func seedStaggerZeroStartsChunksTogether() throws {
        let starts = { (o: Harness.Outcome) in Set(o.calls("get_track_recommendations").map(\.start)).count }
        #expect(starts(try Harness.run()) == 3)
        #expect(starts(try Harness.run(["seed-stagger": "0"])) == 1)
    }

    @Test func seedChunkConcurrencyBoundsChunksInFlight() throws {
        let slow: @Sendable (HTTPRequest) -> Double = { $0.tool == "get_track_recommendations" ? 10 : 0.5 }
        let one = try Harness.run(["seed-chunk-concurrency": "1", "seed-stagger": "0"], latency: slow)
        let three = try Harness.run(["seed-stagger": "0"], latency: slow)
        #expect(one.peakSimultaneousStarts("get_track_recommendations") == 1)
        #expect(three.peakSimultaneousStarts("get_track_recommendations") == 3)
    }

    @Test func batchTrackDetailsSplitsTheDetailsCall() throws {
        let details = { (o: Harness.Outcome) in
            o.calls("get_multiple_tracks", in: "seed_based").filter { $0.pathAndQuery.contains("ids=") }.count
        }
        #expect(details(try Harness.run(["batch-track-details": "2/3"])) > details(try Harness.run()))
    }

    @Test func skipRedundantDetailsAsksOnlyForMissingDurations() throws {
        let ids = { (o: Harness.Outcome) in
            o.calls("get_multiple_tracks", in: "seed_based").map { $0.pathAndQuery.split(separator: ",").count }.reduce(0, +)
        }
        #expect(ids(try Harness.run(["skip-redundant-details": "on"])) < ids(try Harness.run()))
    }

    @Test func parallelDetailsFeaturesStartsFeaturesAlongsideDetails() throws {
        // Whether it saves time depends on the ReccoBeats semaphore and minimum intervals; what
        // it always changes is that features no longer wait for the details call.
        let overlapping = { (o: Harness.Outcome) in
            let details = Set(o.calls("get_multiple_tracks", in: "seed_based").map(\.start))
            return o.calls("get_track_audio_features", in: "seed_based").filter { details.contains($0.start) }.count
        }
        #expect(overlapping(try Harness.run()) == 0)
        #expect(overlapping(try Harness.run(["parallel-details-features": "on"])) > 0)
    }

    @Test func prefetchDetailsAsksForSeedDetailsWithTheRecommendation() throws {
        let base = try Harness.run()
        let prefetch = try Harness.run(["prefetch-details": "on"])
        let recStarts = Set(prefetch.calls("get_track_recommendations").map(\.start))
        let together = prefetch.calls("get_multiple_tracks", in: "seed_based").filter { recStarts.contains($0.start) }
        #expect(!together.isEmpty)
        #expect(prefetch.calls("get_multiple_tracks").count > base.calls("get_multiple_tracks").count)
    }

    @Test func overlapDiscoveryStartsDiscoveryWithAnchors() throws {
        let anchors = "orchestration/initial_generation/seed_gathering/anchor_selection"
        let discovery = "orchestration/initial_generation/seed_gathering/artist_discovery"
        let base = try Harness.run()
        let partial = try Harness.run(["overlap-discovery": "partial"])
        #expect((base.span(discovery)?.startMicros ?? 0) >= ((base.span(anchors)?.startMicros ?? 0) + (base.span(anchors)?.durationMicros ?? 0)))
        #expect(partial.span(discovery)?.startMicros == partial.span(anchors)?.startMicros)
        // The saving is seed gathering's. The total is not compared: starting the artist
        // strategy earlier moves its calls on the top-tracks window's calendar-minute grid, and
        // here two more window waits give the 11 s back.
        let gathering = "orchestration/initial_generation/seed_gathering"
        #expect((partial.span(gathering)?.durationMicros ?? .max) < (base.span(gathering)?.durationMicros ?? 0))
    }

    @Test func trackDetailsTTLKeepsDetailsAcrossFortyMinutes() throws {
        let count = { (o: Harness.Outcome) in o.lastWorkflowCalls.filter { $0.tool == "get_multiple_tracks" && $0.stage?.contains("seed_based") == true }.count }
        let base = try Harness.run(gap: .seconds(2400), workflows: 2)
        let long = try Harness.run(["track-details-ttl": "doc"], gap: .seconds(2400), workflows: 2)
        #expect(count(long) < count(base))
    }

    @Test func seedChunkCacheAnswersWholeChunks() throws {
        let base = try Harness.run(workflows: 2)
        let cached = try Harness.run(["seed-chunk-cache": "doc"], workflows: 2)
        #expect(cached.result.counters.cacheHits < base.result.counters.cacheHits)
        let seedCalls = cached.lastWorkflowCalls.filter { $0.stage?.contains("seed_based") == true }
        #expect(seedCalls.isEmpty)
    }

    @Test func cachePrewarmWarmsTopItemsBeforeTheWorkflow() throws {
        let base = try Harness.run()
        let warm = try Harness.run(["cache-prewarm": "on"])
        let topTracks = "orchestration/initial_generation/seed_gathering/fetch_top_tracks"
        #expect((warm.span(topTracks)?.durationMicros ?? 1) == 0)
        #expect((base.span(topTracks)?.durationMicros ?? 0) > 0)
    }

    @Test func chunkSizeDoublesChunksWithLargerSizes() throws {
        let base = try Harness.run()
        let big = try Harness.run(["chunk-size": "doc"])
        #expect(big.calls("get_track_recommendations").count > base.calls("get_track_recommendations").count)
        #expect(big.calls("get_track_recommendations").allSatisfy { $0.pathAndQuery.contains("size=1") })
    }

    @Test func requestCancellationStopsRetryingTimeouts() throws {
        let slow: @Sendable (HTTPRequest) -> Double = { $0.tool == "get_track_recommendations" ? 45 : 0.5 }
        let base = try Harness.run(latency: slow)
        let cancelling = try Harness.run(["request-cancellation": "all"], latency: slow)
        #expect(base.calls("get_track_recommendations").count == 3 * cancelling.calls("get_track_recommendations").count)
    }

    @Test func shippedRequestCancellationCutsSlowEnergyBatchesOnly() throws {
        let slowEnergy: @Sendable (HTTPRequest) -> Double = { request in
            request.body?.contains("task: energy_analysis") == true ? 50 : (request.service == .llm ? 2 : 0.5)
        }
        let base = try Harness.run(latency: slowEnergy)
        let cut = try Harness.run(["request-cancellation": "shipped"], latency: slowEnergy)
        #expect(base.result.counters.timeouts == 0)
        #expect(cut.result.counters.timeouts > 0)
        #expect(cut.span("playlist_ordering").map(\.durationMicros) ?? 0 < base.span("playlist_ordering").map(\.durationMicros) ?? 0)
    }

    @Test func circuitBreakerStopsCallingAFailingReccoBeatsAndTriesAgainLater() throws {
        let failing: @Sendable (HTTPRequest, Int) -> TransportResult? = { request, _ in
            request.service == .reccobeats ? .response(HTTPResponse(status: 500, body: "{}")) : nil
        }
        let base = try Harness.run(override: failing)
        let broken = try Harness.run(["circuit-breaker": "doc"], override: failing)
        #expect(broken.result.counters.circuitOpenRejections > 0)
        let reccoCalls = { (o: Harness.Outcome) in o.calls.filter { $0.pathAndQuery.hasPrefix("/v1/track") }.count }
        #expect(reccoCalls(broken) < reccoCalls(base))
        // After the 30 s cooldown, ReccoBeats is called again.
        let reccoStarts = broken.calls.filter { $0.pathAndQuery.hasPrefix("/v1/track") }.map(\.start)
        let gaps = zip(reccoStarts, reccoStarts.dropFirst()).map { $1 - $0 }
        #expect(gaps.contains { $0 >= 30 })
    }

    @Test func skipOrderingSkipsAnAlreadySmoothPlaylist() throws {
        #expect(try Harness.run(flatEnergy: true).calls("energy_analysis").count > 0)
        #expect(try Harness.run(["skip-ordering": "on"], flatEnergy: true).calls("energy_analysis").isEmpty)
        #expect(try Harness.run(["skip-ordering": "on"]).calls("energy_analysis").count > 0)
    }

    @Test func earlyExitStopsGeneratingOnceEnoughTracksExist() throws {
        let base = try Harness.run()
        let early = try Harness.run(["early-exit": "on"])
        #expect(early.calls("get_artist_albums").count < base.calls("get_artist_albums").count)
    }

    // MARK: shipped and long term

    @Test func reccobeatsSemaphoreCapsReccoBeatsInFlight() throws {
        let slow: @Sendable (HTTPRequest) -> Double = { $0.service == .reccobeats ? 3 : 0.5 }
        let base = try Harness.run(["seed-stagger": "0"], latency: slow)
        let two = try Harness.run(["seed-stagger": "0", "reccobeats-semaphore": "2"], latency: slow)
        #expect((base.result.counters.peakInFlight[.reccobeats] ?? 0) <= 6)
        #expect((two.result.counters.peakInFlight[.reccobeats] ?? 0) <= 2)
        #expect((base.result.counters.peakInFlight[.reccobeats] ?? 0) > 2)
    }

    @Test func audioFeatureBatchingWidensFeatureBatches() throws {
        #expect(try Harness.run().peakSimultaneousStarts("get_track_audio_features") <= 3 * 3)
        let wide = try Harness.run(["audio-feature-batching": "20/10/0.5s", "reccobeats-semaphore": "15"])
        #expect(wide.peakSimultaneousStarts("get_track_audio_features") >= 10)
        // Anchor selection and the seed pool fetch features faster. As for overlap-discovery,
        // the total is not compared: the artist strategy's top-tracks window waits depend on
        // where its calls fall on the calendar-minute grid.
        let base = try Harness.run()
        for stage in ["anchor_selection", "build_seed_pool"] {
            let path = "orchestration/initial_generation/seed_gathering/" + stage
            #expect((wide.span(path)?.durationMicros ?? .max) < (base.span(path)?.durationMicros ?? 0), "\(stage)")
        }
    }

    @Test func retryAfterCapFailsFastOnHugeRetryAfter() throws {
        let limited: @Sendable (HTTPRequest, Int) -> TransportResult? = { request, attempt in
            request.tool == "get_user_top_tracks" && attempt == 1
                ? .response(HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "400")], body: "{}")) : nil
        }
        let base = try Harness.run(override: limited)
        let capped = try Harness.run(["retry-after-cap": "shipped"], override: limited)
        #expect(base.result.counters.retryAfterSeconds == 400)
        #expect(capped.result.counters.retryAfterSeconds == 0)
        #expect(capped.result.total < base.result.total - .seconds(300))
    }

    @Test func cacheTierAddsRoundTripsToEveryCachedCall() throws {
        let base = try Harness.run()
        let remote = try Harness.run(["cache-tier": "remote/20ms"])
        #expect(remote.result.total > base.result.total)
    }

    @Test func partialStreamingReportsTimeToFirstTracks() throws {
        #expect(try Harness.run().result.firstTracksSeconds == nil)
        let streaming = try Harness.run(["partial-streaming": "on"])
        let first = try #require(streaming.result.firstTracksSeconds)
        #expect(first < streaming.result.total.seconds)
    }
}
