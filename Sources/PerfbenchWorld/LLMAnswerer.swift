import PerfbenchPipeline

/// Composes the answer to each ``LLMTask`` from the request input and the catalogue: plausible,
/// consistent with the prompt, and the same for the same input.
struct LLMAnswerer {
    let catalogue: Catalogue
    var tuning = LLMAnswerTuning()
    var judge = WorldMechanics.Judge.meanMatch

    /// The answer value for `task`, ready to be JSON-encoded.
    func answer(_ task: LLMTask, input: LLMRequestInput) -> any Encodable {
        let mood = MoodReading(prompt: input.prompt, catalogue: catalogue)
        let tracks = input.tracks ?? []
        switch task {
        case .intentAnalysis:
            return IntentAnswer(
                intentType: intentType(mood), mentionedTracks: mood.mentionedTracks,
                mentionedArtists: mood.mentionedArtists,
                primaryGenre: mood.genres.first.map { GenreTable.all[$0].name })
        case .moodAnalysis:
            return moodAnswer(mood)
        case .anchorMentions:
            return MentionAnswer(tracks: mood.mentionedTracks, artists: mood.mentionedArtists)
        case .anchorFilter:
            return SelectionAnswer(ids: best(tracks, mood, count: input.count ?? min(20, tracks.count)))
        case .anchorFinalize:
            return SelectionAnswer(ids: best(tracks, mood, count: input.count ?? min(5, tracks.count)))
        case .seedSelection:
            return SelectionAnswer(ids: best(tracks, mood, count: input.count ?? min(6, tracks.count)))
        case .anchorScoring:
            return ScoresAnswer(scores: tracks.map { ScoredID(id: $0.id, score: mood.score($0.features, id: $0.id)) })
        case .anchorStrategy:
            let strategies = mood.mentionedArtists.isEmpty
                ? ["feature_match", "genre_diversity"] : ["user_mentions_first", "feature_match"]
            return StrategyAnswer(
                strategies: strategies,
                reasoning: "Prioritise tracks whose audio features sit closest to the \(label(mood)) targets.")
        case .artistValidation:
            return SelectionAnswer(ids: validArtists(input.artists ?? [], mood, count: input.count))
        case .qualityEvaluation, .finalEvaluation:
            return evaluation(tracks, mood)
        case .improvementStrategy:
            return improvement(input.quality ?? [:])
        case .energyAnalysis:
            return EnergyAnswer(tracks: tracks.map(energyRow))
        case .orderingStrategy:
            return ordering(tracks)
        }
    }

    /// Valid ranges of the targets that are not 0–1.
    private static let bounds: [String: (Double, Double)] = [
        "tempo": (0, 220), "loudness": (-30, 0), "popularity": (0, 100), "key": (0, 11),
    ]

    private func intentType(_ mood: MoodReading) -> String {
        if !mood.mentionedTracks.isEmpty { return "track_similarity" }
        if !mood.mentionedArtists.isEmpty { return "artist_focus" }
        if !mood.mentionedGenres.isEmpty { return "genre_exploration" }
        return "mood_variety"
    }

    private func label(_ mood: MoodReading) -> String {
        let labels = mood.moods.prefix(3).map { MoodLexicon.entries[$0].label }
        return labels.isEmpty ? "balanced" : labels.joined(separator: ", ")
    }

    private func moodAnswer(_ mood: MoodReading) -> MoodAnswer {
        var targets: [String: [Double]] = [:]
        var weights: [String: Double] = [:]
        for name in MoodReading.targetOrder {
            guard let target = mood.targets[name] else { continue }
            // Ranges: narrow for detailed prompts, wider for broad ones; key and mode are exact.
            let width: Double
            switch name {
            case "tempo": width = mood.specific ? 8 : 15
            case "loudness": width = mood.specific ? 2 : 3
            case "popularity": width = 15
            case "key", "mode": width = 0
            default: width = mood.specific ? 0.08 : 0.15
            }
            let (lower, upper) = Self.bounds[name] ?? (0, 1)
            targets[name] = [round2(max(lower, target.value - width)), round2(min(upper, target.value + width))]
            weights[name] = round2(target.weight)
        }
        return MoodAnswer(
            moodLabel: label(mood), targetFeatures: targets, featureWeights: weights,
            genreKeywords: mood.genres.map { GenreTable.all[$0].name },
            artistRecommendations: recommendedArtists(mood))
    }

    /// Eight artists of the mood's genres, popular ones first, shifted by the prompt's hash so that
    /// different prompts suggest different names.
    private func recommendedArtists(_ mood: MoodReading) -> [String] {
        var names: [String] = []
        let lists = mood.genres.map { catalogue.genreArtists[$0] }
        guard !lists.isEmpty else { return [] }
        let shift = Int(mood.hash % 3)
        var round = 0
        while names.count < 8, round < 12 {
            for list in lists where names.count < 8 && round + shift < list.count {
                let name = catalogue.artists[Int(list[round + shift])].name
                if !names.contains(name), !mood.mentionedArtists.contains(name) { names.append(name) }
            }
            round += 1
        }
        return names
    }

    /// The `count` best-fitting track ids, best first (ties keep input order).
    private func best(_ tracks: [LLMTrackInput], _ mood: MoodReading, count: Int) -> [String] {
        let scored = tracks.enumerated().map { (position, track) in
            (score: mood.score(track.features, id: track.id), position: position, id: track.id)
        }
        let sorted = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        return sorted.prefix(max(0, count)).map(\.id)
    }

    /// Artists sharing a genre (or a genre family) with the mood; at least five when available.
    private func validArtists(_ artists: [LLMArtistInput], _ mood: MoodReading, count: Int?) -> [String] {
        let moodGenres = Set(mood.genres.map { GenreTable.all[$0].name })
        let moodFamilies = Set(mood.genres.map { GenreTable.all[$0].family })
        var kept = artists.filter { artist in artist.genres.contains { moodGenres.contains($0) } }.map(\.id)
        if kept.count < 5 {
            for artist in artists where kept.count < 5 && !kept.contains(artist.id) {
                let family = artist.genres.compactMap { GenreTable.indexByName[$0] }.map { GenreTable.all[$0].family }
                if family.contains(where: moodFamilies.contains) { kept.append(artist.id) }
            }
        }
        if let count { kept = Array(kept.prefix(count)) }
        if let limit = tuning.validatedArtistLimit { kept = Array(kept.prefix(max(0, limit))) }
        return kept
    }

    private func evaluation(_ tracks: [LLMTrackInput], _ mood: MoodReading) -> EvaluationAnswer {
        guard !tracks.isEmpty else { return EvaluationAnswer(score: 0.5, issues: ["The playlist is empty."]) }
        let scores = tracks.map { mood.score($0.features, id: $0.id) }
        let mean = scores.reduce(0, +) / Double(scores.count)
        var issues: [String] = []
        for (track, score) in zip(tracks, scores) where score < 0.45 && issues.count < 4 {
            issues.append("\(track.name) by \(track.artist) feels out of place for a \(label(mood)) mood.")
        }
        let raw: Double
        switch judge {
        case .meanMatch:
            raw = min(0.95, 0.15 + 0.8 * mean)
        case .shareInMood:
            // A strict judge: what counts is how many tracks clearly fit, not how well on average.
            let fitting = scores.filter { $0 >= 0.6 }.count
            raw = min(0.95, 0.1 + 0.85 * Double(fitting) / Double(scores.count))
        }
        let score = raw + tuning.evaluationOffset
        return EvaluationAnswer(score: round2(min(1, max(0, score))), issues: issues)
    }

    private func improvement(_ quality: [String: Double]) -> StrategyAnswer {
        let cohesion = quality["cohesion"] ?? 0.6
        let coverage = quality["coverage"] ?? 1
        let overall = quality["overall"] ?? quality["overall_score"] ?? 0.6
        var strategies: [String] = []
        if overall < 0.5 { strategies.append("reseed_from_clean") }
        if cohesion < 0.65 { strategies.append(contentsOf: ["adjust_feature_weights", "filter_and_replace"]) }
        if coverage < 1 { strategies.append("generate_more") }
        if strategies.isEmpty { strategies = ["filter_and_replace"] }
        return StrategyAnswer(
            strategies: strategies,
            reasoning: "Cohesion \(round2(cohesion)) and coverage \(round2(coverage)) decide the order.")
    }

    private func energyRow(_ track: LLMTrackInput) -> EnergyRow {
        let energy = track.features?["energy"]
            ?? Double(StableHasher.hash(track.id) % 1000) / 1000
        let role: String
        switch energy {
        case ..<0.35: role = "cooldown"
        case ..<0.55: role = "steady"
        case ..<0.75: role = "build"
        default: role = "peak"
        }
        return EnergyRow(id: track.id, energy: round2(energy), role: role)
    }

    private func ordering(_ tracks: [LLMTrackInput]) -> StrategyAnswer {
        let energies = tracks.compactMap { $0.features?["energy"] }
        let mean = energies.isEmpty ? 0.5 : energies.reduce(0, +) / Double(energies.count)
        let strategy = mean > 0.7 ? "peak_and_release" : mean < 0.4 ? "steady_flow" : "classic_build"
        return StrategyAnswer(
            strategies: [strategy],
            reasoning: "Mean energy \(round2(mean)) suits a \(strategy.replacingUnderscores) arc.")
    }
}

extension String {
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
