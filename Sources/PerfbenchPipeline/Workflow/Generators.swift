import PerfbenchRuntime
import Synchronization

/// What one generator run is asked for: how many tracks each strategy should bring, from which
/// seeds, avoiding which tracks.
struct GenerationRequest: Sendable {
    var target: Int
    var seeds: [Track]
    var negativeSeeds: [String] = []
    var withUserAnchors: Bool
}

/// The recommendation generator: user-anchor, artist and seed strategies run concurrently
/// (PIPELINE.md §1, §3), their tracks merged.
enum Generators {
    /// How many seeds a playlist of `target` tracks uses.
    static func seedCount(target: Int) -> Int {
        max(5, min(target / 3, 10))
    }

    /// Shares of the target per strategy (truncated), PIPELINE.md §2.
    static func split(target: Int, withUserMentions: Bool) -> (anchors: Int, artists: Int, seeds: Int) {
        let t = Double(target)
        return withUserMentions
            ? (Int(0.40 * t), Int(0.40 * t), Int(0.15 * t)) : (0, Int(0.55 * t), Int(0.35 * t))
    }

    /// One generator run, timed as the stage `recommendation_generation`.
    static func run(
        _ context: WorkflowContext, _ understanding: Understanding, _ pool: SeedPool,
        _ request: GenerationRequest
    ) async throws -> [Track] {
        try await context.stage("recommendation_generation") {
            context.observer.count { $0.generatorRuns += 1 }
            // Which album track each artist's hybrid fetch samples this run (`album-sampling`).
            let sample = context.config.albumSampling == .perRun ? context.observer.counters.generatorRuns - 1 : 0
            let shares = split(target: request.target, withUserMentions: request.withUserAnchors)
            let harvest = Harvest(goal: context.config.earlyExit ? request.target : nil)
            async let anchored: [Track] =
                request.withUserAnchors
                ? context.stage("user_anchor") {
                    try await UserAnchorStrategy.run(context, understanding, target: shares.anchors, harvest: harvest, sample: sample)
                } : []
            async let artists = context.stage("artist_based") {
                try await ArtistStrategy.run(
                    context, understanding, pool.artists, target: shares.artists, harvest: harvest, sample: sample)
            }
            async let seeded = context.stage("seed_based") {
                try await SeedStrategy.run(context, understanding, request, target: shares.seeds, harvest: harvest)
            }
            let all = try await anchored + artists + seeded
            return all.uniquedByID()
        }
    }
}

/// Tracks gathered so far by the concurrent strategies, for the early-exit toggle (plan 6.2):
/// once enough good tracks are in, strategies start no new unit of work.
final class Harvest: Sendable {
    private let goal: Int?
    private let good = Mutex(0)

    init(goal: Int?) {
        self.goal = goal
    }

    func add(_ tracks: [Track], mood: MoodProfile) {
        guard goal != nil else { return }
        let matcher = MoodMatcher(mood)
        let count = tracks.filter { QualityScore.cohesion(of: $0, matcher: matcher) >= 0.6 }.count
        good.withLock { $0 += count }
    }

    /// Whether the strategies may stop now.
    var isEnough: Bool {
        guard let goal else { return false }
        return good.withLock { $0 >= goal }
    }
}
