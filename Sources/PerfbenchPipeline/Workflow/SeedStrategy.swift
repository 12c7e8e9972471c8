import PerfbenchRuntime

/// Seed-based generation: ReccoBeats recommendations per chunk of seeds, then duration backfill
/// and audio features (PIPELINE.md §3, plan phase 2–4 toggles).
enum SeedStrategy {
    static func run(
        _ context: WorkflowContext, _ understanding: Understanding, _ request: GenerationRequest,
        target: Int, harvest: Harvest
    ) async throws -> [Track] {
        let config = context.config
        let sizing = config.chunkSizing
        let seedIDs = request.seeds.prefix(Generators.seedCount(target: request.target)).map(\.id)
        guard !seedIDs.isEmpty, target > 0 else { return [] }
        let seedsPerChunk = max(1, 3 / sizing.chunkMultiplier)
        let chunks = Array(seedIDs).chunked(seedsPerChunk)
        let size = min(sizing.maximum, max(2 * target / chunks.count + 2, sizing.minimum))
        let slots = AsyncSemaphore(permits: config.seedChunkConcurrency)
        let stagger = config.seedStagger
        let results = try await concurrentMap(Array(chunks.enumerated()), maxConcurrent: chunks.count) { index, seeds in
            try await slots.withPermit {
                // The stagger sleep happens while holding the slot, as in the backend.
                try await context.clock.sleep(for: stagger * index)
                if harvest.isEnough { return [Track]() }
                let tracks = try await chunk(context, understanding, seeds, size: size, negative: request.negativeSeeds)
                harvest.add(tracks, mood: understanding.mood)
                return tracks
            }
        }
        return results.flatMap { $0 }
    }

    private static func chunk(
        _ context: WorkflowContext, _ understanding: Understanding, _ seeds: [String], size: Int,
        negative: [String]
    ) async throws -> [Track] {
        let config = context.config
        let cacheKey = "chunk \(seeds.joined(separator: ",")) \(size) \(negative.joined(separator: ","))"
        if let ttl = config.seedChunkCacheTTL, ttl > .zero,
            let cached = context.session.seedChunks.value(for: cacheKey, at: context.clock.now)
        {
            context.observer.count { $0.cacheHits += 1 }
            return cached
        }
        var recommended: [Track]
        if config.prefetchDetails {
            // Plan 3.2: the seeds' details are fetched while the recommendation is pending.
            async let prefetched = context.reccobeats.trackDetails(seeds)
            recommended = try await context.reccobeats.recommendations(
                seeds: seeds, size: size, negativeSeeds: negative, mood: understanding.mood)
            _ = try await prefetched
        } else {
            recommended = try await context.reccobeats.recommendations(
                seeds: seeds, size: size, negativeSeeds: negative, mood: understanding.mood)
        }
        guard !recommended.isEmpty else { return [] }
        let needDetails = config.skipRedundantDetails
            ? recommended.filter { $0.durationMs == nil }.map(\.id) : recommended.map(\.id)
        if config.parallelDetailsAndFeatures {
            let snapshot = recommended
            async let details = context.reccobeats.trackDetails(needDetails)
            async let featured = context.reccobeats.features(for: snapshot)
            recommended = merge(try await featured, details: try await details)
        } else {
            let details = try await context.reccobeats.trackDetails(needDetails)
            recommended = try await context.reccobeats.features(for: merge(recommended, details: details))
        }
        let scored = recommended.map { track -> Track in
            var copy = track
            copy.confidence = 0.7
            return copy
        }
        if let ttl = config.seedChunkCacheTTL, ttl > .zero {
            context.session.seedChunks.store(scored, for: cacheKey, ttl: ttl, at: context.clock.now)
        }
        return scored
    }

    /// Durations from the details call fill the recommendations' gaps.
    private static func merge(_ tracks: [Track], details: [Track]) -> [Track] {
        let durations = Dictionary(details.map { ($0.id, $0.durationMs) }, uniquingKeysWith: { first, _ in first })
        return tracks.map { track in
            var copy = track
            if copy.durationMs == nil, let duration = durations[track.id] ?? nil { copy.durationMs = duration }
            return copy
        }
    }
}
