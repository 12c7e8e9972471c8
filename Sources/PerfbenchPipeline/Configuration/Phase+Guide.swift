/// The guide's toggles (seed 000, "Performance Optimization Guide"), sections 1.1–3.1.
extension Phase {
    static let guideCatalogue: [Phase] = [
        Phase(
            .skipIteration, section: "guide 1.1",
            summary: "Skip evaluation and regeneration when overall and cohesion already meet the thresholds.",
            codec: SkipIterationPolicy.codec.orOff, property: \.skipIteration,
            doc: SkipIterationPolicy.guide, shipped: SkipIterationPolicy.shipped,
            shippedNote: ">= 0.75 and >= 0.60, one extra LLM evaluation first (2025-11-13)"),
        Phase(
            .anchorGenreLimit, section: "guide 1.2",
            summary: "Genre keywords anchor selection searches (sequential genre track searches).",
            codec: .integer(1...20), property: \.anchorGenreLimit,
            doc: 4, shipped: 5, shippedNote: "4, later 5"),
        Phase(
            .anchorArtistLimit, section: "guide 1.2",
            summary: "Artists anchor selection processes (MAX_ARTISTS_TO_PROCESS).",
            codec: .integer(1...20), property: \.anchorArtistLimit,
            doc: 5, shipped: 5, shippedNote: "5"),
        Phase(
            .discoveryArtistLimit, section: "guide 1.3",
            summary: "Artist discovery breadth: genre artist search limit / track search limit / genres.",
            codec: DiscoveryLimits.codec, property: \.discoveryLimits,
            doc: DiscoveryLimits(artistSearchLimit: 20, trackSearchLimit: 30, genreCount: 10),
            shipped: DiscoveryLimits(artistSearchLimit: 20, trackSearchLimit: 15, genreCount: 6),
            shippedNote: "20 / 15 / 6 genres"),
        Phase(
            .topTracksBatch, section: "guide 2.1",
            summary: "Artist top tracks fetched in batches of N, or under a semaphore of N.",
            codec: TopTracksFetch.codec, property: \.topTracksFetch,
            doc: .batches(size: 10), shipped: .semaphore(permits: 4),
            shippedNote: "a semaphore of 2, then 4, instead of batches"),
        Phase(
            .fastAnchorScoring, section: "guide 2.2",
            summary: "Heuristic anchor selection instead of LLM scoring (FAST_MODE).",
            codec: .onOff, property: \.fastAnchorScoring,
            doc: true, shipped: nil, shippedNote: "not shipped"),
        Phase(
            .orderingBatch, section: "guide 2.3",
            summary: "Tracks per energy-analysis LLM batch in playlist ordering.",
            codec: .integer(1...64), property: \.orderingBatchSize,
            doc: 16, shipped: nil, shippedNote: "not shipped"),
        Phase(
            .maxIterations, section: "guide 3.1",
            summary: "Iterations of the improvement loop (the guide's .env says 1).",
            codec: .integer(0...5), property: \.maxIterations,
            doc: 1, shipped: nil, shippedNote: "not shipped"),
        Phase(
            .qualityThreshold, section: "guide 3.1",
            summary: "Quality threshold: the planner's per-mood value, or one fixed value.",
            codec: QualityThreshold.codec, property: \.qualityThreshold,
            doc: .fixed(0.70), shipped: nil, shippedNote: "not shipped"),
        Phase(
            .anchorSelectionLimit, section: "guide 3.1",
            summary: "Anchor tracks selected.",
            codec: .integer(1...20), property: \.anchorSelectionLimit,
            doc: 4, shipped: nil, shippedNote: "not shipped"),
    ]
}
