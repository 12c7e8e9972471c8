import PerfbenchRecording

@testable import PerfbenchReport

/// Small fixed runs whose numbers are easy to check by hand (times in whole seconds).
enum Fixtures {
    /// A span from `start` to `end` seconds at `path`.
    static func span(_ path: String, _ start: Double, _ end: Double) -> StageSpan {
        StageSpan(
            name: String(path.split(separator: "/").last ?? ""), path: path,
            startMicros: Int(start * 1_000_000), durationMicros: Int((end - start) * 1_000_000))
    }

    static let seedGathering = "orchestration/initial_generation/seed_gathering"
    static let generation = "orchestration/initial_generation/recommendation_generation"

    /// The workflow of PIPELINE.md §1 in miniature: 100 s, with two overlapping strategies.
    static let spans: [StageSpan] = [
        span("playlist_ordering", 95, 100),
        span("intent_analysis", 0, 2),
        span("mood_analysis", 2, 5),
        span("orchestration", 5, 95),
        span("orchestration/initial_generation", 5, 65),
        span(seedGathering, 5, 35),
        span(seedGathering + "/anchor_selection", 5, 25),
        span(seedGathering + "/artist_discovery", 25, 35),
        span(generation, 35, 65),
        // Same start as artist_based: ordered by name after it; overlaps it completely.
        span(generation + "/seed_based", 35, 50),
        span(generation + "/artist_based", 35, 65),
        span("orchestration/iterative_improvement", 65, 90),
        span("orchestration/final_processing", 90, 95),
    ]

    /// Requests overlapping so that they need three lanes.
    static let exchanges: [Exchange] = [
        exchange("x1", 0, 1, .spotify, "https://api.spotify.com/v1/search?q=a"),
        exchange("x2", 0.5, 1.5, .reccobeats, "https://api.reccobeats.com/v1/track?ids=1,2"),
        exchange("x3", 1, 2, .reccobeats, "https://api.reccobeats.com/v1/track?ids=3"),
        exchange("x4", 0.2, 3, .llm, "https://llm.example/v1/chat/completions"),
        exchange("x5", 1.5, 2, .reccobeats, "https://api.reccobeats.com/v1/track/0a1b/audio-features"),
        exchange("x6", 2.5, 2.5, .llm, "https://llm.example/v1/chat/completions"),
    ]

    static func exchange(_ id: String, _ start: Double, _ end: Double, _ service: Service, _ url: String) -> Exchange {
        Exchange(
            id: id, startMicros: Int(start * 1_000_000), durationMicros: Int((end - start) * 1_000_000),
            service: service, method: id == "x4" || id == "x6" ? "POST" : "GET", url: url, status: 200,
            tool: "tool_\(id)", stage: "seed_based")
    }

    static let baselineConfig = RunConfig(
        name: "baseline", phases: ["top-tracks-batch": "5", "skip-iteration": "off", "anchor-genre-limit": "8"])

    /// The fixture run.
    static func run(
        recording: String = "Recordings/fixture.jsonl.gz", total: Double = 100, spans: [StageSpan] = spans,
        config: RunConfig = baselineConfig
    ) -> RunResult {
        RunResult(
            recording: recording, config: config, totalSeconds: total, stages: spans, exchanges: exchanges,
            requests: RequestCounts(
                total: 6, byService: ["spotify": 1, "reccobeats": 3, "llm": 2], exact: 4, composed: 1,
                synthesized: 1, errors: 0, timeouts: 1),
            waits: WaitCounts(
                windowCount: 1, windowSeconds: 47.8, minIntervalCount: 1, minIntervalSeconds: 0.7,
                retryAfterCount: 1, retryAfterSeconds: 2),
            cache: CacheCounts(hits: 10, misses: 30),
            quality: QualityScores(overall: 0.77, cohesion: 0.66, tracks: 20),
            counters: ["retries": 2])
    }

    /// The fixture under a faster configuration: anchor selection 10 s shorter, no iterative
    /// improvement, a new prefetch stage, and everything after moved earlier.
    static func fasterRun() -> RunResult {
        let spans = [
            span("intent_analysis", 0, 2), span("mood_analysis", 2, 5), span("orchestration", 5, 60),
            span("orchestration/initial_generation", 5, 55), span("orchestration/prefetch", 5, 6),
            span(seedGathering, 5, 25), span(seedGathering + "/anchor_selection", 5, 15),
            span(seedGathering + "/artist_discovery", 15, 25), span(generation, 25, 55),
            span(generation + "/artist_based", 25, 55), span(generation + "/seed_based", 25, 40),
            span("orchestration/final_processing", 55, 60), span("playlist_ordering", 60, 65),
        ]
        var run = run(total: 65, spans: spans, config: RunConfig(name: "guide-immediate", phases: ["skip-iteration": "doc"]))
        run.quality = QualityScores(overall: 0.74, cohesion: 0.66, tracks: 20)
        run.requests.total = 5
        return run
    }
}
