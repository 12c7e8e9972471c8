/// The presets of PIPELINE.md §7, in the order the table gives them.
extension Preset {
    /// Every preset: baseline, the guide's, the plan's, then the shipped snapshots.
    public static let all: [Preset] = [
        Preset(
            "baseline", sections: [],
            summary: "The backend as both seeds found it (2025-11-07): every toggle at baseline.",
            settings: PhaseID.sorted.map { PhaseSetting($0, "baseline") }),
        Preset(
            "guide-immediate", sections: ["guide 1.1", "guide 1.2", "guide 1.3"],
            summary: "The guide's quick wins: skip iteration when quality is good, smaller anchor pool, "
                + "narrower discovery.",
            settings: doc(.skipIteration, .anchorGenreLimit, .anchorArtistLimit, .discoveryArtistLimit)),
        Preset(
            "guide-short-term", basedOn: "guide-immediate", sections: ["guide 2.1", "guide 2.2", "guide 2.3"],
            summary: "guide-immediate + top-tracks batches of 10, heuristic anchor scoring, ordering batches of 16.",
            settings: doc(.topTracksBatch, .fastAnchorScoring, .orderingBatch)),
        Preset(
            "guide-config", sections: ["guide 3.1"],
            summary: "The guide's .env block alone: FAST_MODE, SKIP_ITERATION_IF_QUALITY_GOOD, MAX_ITERATIONS=1, "
                + "QUALITY_THRESHOLD=0.70, ANCHOR_SELECTION_LIMIT=4, MAX_ARTISTS_FOR_DISCOVERY=20.",
            settings: guideEnvironmentBlock),
        Preset(
            "guide-all", basedOn: "guide-short-term",
            sections: ["guide 3.1", "guide, long term"],
            summary: "Every guide toggle at its proposal: guide-short-term + the .env block + the long-term items.",
            settings: guideEnvironmentBlock + doc(.requestDedup, .cacheTier, .partialStreaming)),
        Preset(
            "plan-critical-path", sections: ["plan 0.2", "plan 0.1", "plan 1.1", "plan 2.2", "plan 2.4"],
            summary: "The plan's critical path: parallel artists, top-tracks TTL and prefetch, 60 s ReccoBeats "
                + "timeout, 6 seed chunks at once, no redundant track details.",
            settings: doc(
                .parallelArtists, .topTracksCacheTTL, .prefetchArtistData, .reccobeatsTimeout,
                .seedChunkConcurrency, .skipRedundantDetails)),
        Preset(
            "plan-high-impact", basedOn: "plan-critical-path", sections: ["plan 2.1", "plan 2.3", "plan 3.1"],
            summary: "plan-critical-path + no seed stagger, batched track details, details and features in parallel.",
            settings: doc(.seedStagger, .batchTrackDetails, .parallelDetailsFeatures)),
        Preset(
            "plan-all", basedOn: "plan-high-impact",
            sections: [
                "plan 1.2", "plan 3.2", "plan 3.3", "plan 4.1", "plan 4.2", "plan 4.3", "plan 5.1", "plan 5.2",
                "plan 5.3", "plan 6.1", "plan 6.2",
            ],
            summary: "Every plan toggle (0.1-6.2) at its proposal.",
            settings: doc(
                .slowRequestLog, .prefetchDetails, .overlapDiscovery, .trackDetailsTTL, .seedChunkCache,
                .cachePrewarm, .chunkSize, .requestCancellation, .circuitBreaker, .skipOrdering, .earlyExit)),
        Preset(
            "shipped-11-10", sections: shippedPlanSections + ["guide, long term"],
            summary: "What had shipped by 2025-11-10: the 2 h top-tracks TTL and Redis/Valkey (dated 11-10), "
                + "and the plan's shipped items at their first shipped values (inferred: the plan was "
                + "written from the 11-07 log and its TTL item is dated 11-10).",
            settings: shippedPlanItems),
        Preset(
            "shipped-11-13", basedOn: "shipped-11-10", sections: ["guide 1.1", "guide 1.2", "guide 1.3", "guide 2.1"],
            summary: "shipped-11-10 + skip-iteration as shipped (dated 11-13) and the guide's other shipped "
                + "items at their first values (inferred to ship with it): anchor limits 4 and 5, "
                + "discovery 20/15/6, top tracks under a semaphore of 2.",
            settings: [
                PhaseSetting(.skipIteration, "shipped"), PhaseSetting(.anchorGenreLimit, "4"),
                PhaseSetting(.anchorArtistLimit, "shipped"), PhaseSetting(.discoveryArtistLimit, "shipped"),
                PhaseSetting(.topTracksBatch, "semaphore/2"),
            ]),
        Preset(
            "shipped-latest", sections: ["every shipped toggle"],
            summary: "Every toggle the backend shipped, at its last value (the table's 'later' values and "
                + "the shipped-only changes, whose dates the table does not give).",
            settings: Phase.all.filter { $0.shipped != nil }.map { PhaseSetting($0.id, "shipped") }),
    ]

    /// Each id set to its `doc` value.
    private static func doc(_ ids: PhaseID...) -> [PhaseSetting] {
        ids.map { PhaseSetting($0, "doc") }
    }

    /// guide 3.1's `.env` block, as toggles.
    private static let guideEnvironmentBlock: [PhaseSetting] = [
        PhaseSetting(.fastAnchorScoring, "on"), PhaseSetting(.skipIteration, "doc"),
        PhaseSetting(.maxIterations, "1"), PhaseSetting(.qualityThreshold, "0.70"),
        PhaseSetting(.anchorSelectionLimit, "4"), PhaseSetting(.discoveryArtistLimit, "20"),
    ]

    private static let shippedPlanSections = [
        "plan 0.1", "plan 0.2", "plan 1.1", "plan 1.2", "plan 2.1", "plan 2.2", "plan 2.3", "plan 2.4",
        "plan 3.1", "plan 3.2", "plan 3.3", "plan 4.1", "plan 4.2", "plan 5.2",
    ]

    /// The plan's shipped toggles at their first shipped values, plus the dated 11-10 cache tier.
    private static let shippedPlanItems: [PhaseSetting] = [
        PhaseSetting(.topTracksCacheTTL, "shipped"), PhaseSetting(.prefetchArtistData, "shipped"),
        PhaseSetting(.parallelArtists, "5"), PhaseSetting(.reccobeatsTimeout, "60s"),
        PhaseSetting(.slowRequestLog, "shipped"), PhaseSetting(.seedStagger, "shipped"),
        PhaseSetting(.seedChunkConcurrency, "shipped"), PhaseSetting(.batchTrackDetails, "shipped"),
        PhaseSetting(.skipRedundantDetails, "shipped"), PhaseSetting(.parallelDetailsFeatures, "shipped"),
        PhaseSetting(.prefetchDetails, "shipped"), PhaseSetting(.overlapDiscovery, "shipped"),
        PhaseSetting(.trackDetailsTTL, "shipped"), PhaseSetting(.seedChunkCache, "shipped"),
        PhaseSetting(.requestCancellation, "shipped"), PhaseSetting(.cacheTier, "shipped"),
    ]
}
