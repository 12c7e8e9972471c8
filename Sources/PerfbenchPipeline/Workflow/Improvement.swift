/// Iterative improvement (PIPELINE.md §6): evaluate; stop when the bar is met (or, with
/// skip-iteration, when quality is already good); otherwise let the LLM pick strategies and run
/// the generator again for each regenerating one.
enum Improvement {
    static let regenerating: Set<String> = ["filter_and_replace", "reseed_from_clean", "generate_more"]

    static func run(
        _ context: WorkflowContext, _ understanding: Understanding, _ pool: SeedPool, _ playlist: [Track]
    ) async throws -> [Track] {
        var playlist = playlist
        let skip = context.config.skipIteration
        if let skip, skip.extraEvaluationFirst {
            // Shipped form: one extra evaluation before the loop decides whether to skip it.
            let quick = try await evaluate(context, understanding, playlist, task: .qualityEvaluation)
            if quick.overall >= skip.overallThreshold && quick.cohesion >= skip.cohesionThreshold {
                return playlist
            }
        }
        for _ in 0..<context.config.maxIterations {
            let quality = try await context.stage("quality_evaluation") {
                try await evaluate(context, understanding, playlist, task: .qualityEvaluation)
            }
            if let skip, !skip.extraEvaluationFirst,
                quality.overall >= skip.overallThreshold && quality.cohesion >= skip.cohesionThreshold
            {
                break
            }
            if quality.meetsThreshold { break }
            playlist = try await context.stage("improvement_strategies") {
                try await improve(context, understanding, pool, playlist, quality)
            }
        }
        return playlist
    }

    /// Algorithmic quality plus the LLM's score.
    static func evaluate(
        _ context: WorkflowContext, _ understanding: Understanding, _ playlist: [Track], task: LLMTask
    ) async throws -> QualityScore {
        let answer = try await context.llm.ask(task, context.input(tracks: playlist))
        var score = QualityScore.evaluate(
            playlist, mood: understanding.mood, target: understanding.target,
            threshold: understanding.target.qualityThreshold, llmScore: answer?["score"]?.doubleValue)
        // An imported log's evaluation says which way the backend went (`verdict`): the scores
        // the replay computes from modelled content may fall on the other side of the bar.
        if let verdict = answer?["verdict"]?.stringValue, verdict == "met" || verdict == "not_met" {
            score.meetsThreshold = verdict == "met"
        }
        return score
    }

    private static func improve(
        _ context: WorkflowContext, _ understanding: Understanding, _ pool: SeedPool,
        _ playlist: [Track], _ quality: QualityScore
    ) async throws -> [Track] {
        let input = LLMRequestInput(
            prompt: context.input.prompt,
            quality: ["overall": quality.overall, "cohesion": quality.cohesion, "coverage": quality.coverage])
        let answer = try await context.llm.ask(.improvementStrategy, input)
        let chosen = answer?["strategies"]?.arrayValue?.compactMap(\.stringValue) ?? ["filter_and_replace"]
        var current = playlist
        for strategy in chosen where regenerating.contains(strategy) {
            var request = GenerationRequest(
                target: understanding.target.target, seeds: pool.seeds,
                withUserAnchors: understanding.hasUserMentions)
            switch strategy {
            case "filter_and_replace":
                let outliers = Set(quality.outliers)
                request.negativeSeeds = Array(quality.outliers.prefix(5))
                current = current.filter { !outliers.contains($0.id) }
            case "reseed_from_clean":
                let ranked = rank(current, understanding)
                request.seeds = Array(ranked.prefix(5))
                request.negativeSeeds = ranked.suffix(3).map(\.id)
            default:
                break
            }
            let fresh = try await Generators.run(context, understanding, pool, request)
            current = select((current + fresh).uniquedByID(), understanding, limit: understanding.target.target)
        }
        return current
    }

    /// Best-matching tracks first (stable for ties).
    static func rank(_ tracks: [Track], _ understanding: Understanding) -> [Track] {
        let matcher = MoodMatcher(understanding.mood)
        let scored = tracks.map { ($0, QualityScore.cohesion(of: $0, matcher: matcher) * 0.7 + $0.confidence * 0.3) }
        return scored.enumerated().sorted { lhs, rhs in
            lhs.element.1 != rhs.element.1 ? lhs.element.1 > rhs.element.1 : lhs.offset < rhs.offset
        }.map(\.element.0)
    }

    /// The best `limit` tracks, user-mentioned ones always kept.
    static func select(_ tracks: [Track], _ understanding: Understanding, limit: Int) -> [Track] {
        let ranked = rank(tracks, understanding)
        let mentioned = ranked.filter(\.userMentioned)
        let others = ranked.filter { !$0.userMentioned }
        return Array((mentioned + others).prefix(max(limit, mentioned.count)))
    }
}
