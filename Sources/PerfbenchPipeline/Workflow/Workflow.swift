import PerfbenchRecording

/// What one workflow run produced.
public struct WorkflowResult: Sendable {
    /// Virtual (or real) seconds from the workflow's start to the playlist being ordered.
    public var total: Duration
    /// Exchanges, waits, retries, cache hits and stage spans, in start order.
    public var events: [RecordingEvent]
    public var counters: RunCounters
    public var quality: QualityScore
    public var playlist: [Track]
    /// With partial streaming: seconds until the first five tracks were final.
    public var firstTracksSeconds: Double?

    /// The stage spans only.
    public var stages: [StageSpan] {
        events.compactMap { if case .stage(let span) = $0 { return span } else { return nil } }
    }
}

/// The recommendation workflow of PIPELINE.md, on the session's clock and transport.
public enum Workflow {
    /// Runs one workflow for `input`. Caches and limiters persist in `session` for the next one.
    public static func run(_ input: WorkflowInput, in session: PipelineSession) async throws -> WorkflowResult {
        if session.config.cachePrewarm { try await prewarm(input, session) }
        let observer = RunObserver(origin: session.clock.now, keepsEvents: session.keepsEvents)
        let context = WorkflowContext(input: input, session: session, observer: observer)
        let start = session.clock.now
        var firstTracks: Duration?
        let (playlist, quality) = try await StageContext.$path.withValue("workflow") {
            let understanding = try await Analysis.run(context)
            let outcome = try await context.stage("orchestration") {
                let (pool, generated) = try await context.stage("initial_generation") {
                    let pool = try await context.stage("seed_gathering") {
                        try await SeedGathering.run(context, understanding)
                    }
                    let request = GenerationRequest(
                        target: understanding.target.target, seeds: pool.seeds,
                        withUserAnchors: understanding.hasUserMentions)
                    let generated = try await Generators.run(context, understanding, pool, request)
                    return (pool, Improvement.select(generated, understanding, limit: understanding.target.target))
                }
                if context.config.partialStreaming, generated.count >= 5 { firstTracks = session.clock.now - start }
                let improved = try await context.stage("iterative_improvement") {
                    try await Improvement.run(context, understanding, pool, generated)
                }
                return try await context.stage("final_processing") {
                    try await FinalProcessing.run(context, understanding, pool, improved)
                }
            }
            try await context.spendObservedGap(.beforeOrdering)
            let ordered = try await context.stage("playlist_ordering") {
                try await Ordering.run(context, outcome.playlist)
            }
            try await context.spendObservedGap(.afterOrdering)
            return (ordered, outcome.quality)
        }
        let end = session.clock.now
        observer.stage(StageSpan(name: "workflow", path: "workflow", startMicros: observer.micros(start), durationMicros: Int((end - start).microseconds)))
        // In start order, ties in the order they happened. Sorted as (start, position) pairs, not
        // as events: moving events in a sort retained and released their payloads, 5 % of a
        // replay (`perf record` on `replay … --draws 200`).
        let unsorted = observer.events
        let starts = unsorted.map(\.startMicros)
        let order = starts.indices.sorted { (starts[$0], $0) < (starts[$1], $1) }
        let events = order.map { unsorted[$0] }
        let total = end - start
        return WorkflowResult(
            total: total, events: events, counters: observer.counters, quality: quality,
            playlist: playlist,
            firstTracksSeconds: session.config.partialStreaming ? (firstTracks ?? total).seconds : nil)
    }

    /// Plan 4.3: a background job warms the caches for the user's usual artists before the
    /// workflow starts (its time is not the workflow's).
    private static func prewarm(_ input: WorkflowInput, _ session: PipelineSession) async throws {
        let observer = RunObserver(origin: session.clock.now, keepsEvents: session.keepsEvents)
        let context = WorkflowContext(input: input, session: session, observer: observer)
        _ = try await context.spotify.userTopTracks()
        let artists = try await context.spotify.userTopArtists()
        _ = try await AnchorSelection.topTracks(context, Array(artists.prefix(10)))
    }
}
