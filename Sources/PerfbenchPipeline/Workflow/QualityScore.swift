/// The backend's playlist quality math (PIPELINE.md §6).
public struct QualityScore: Sendable, Hashable {
    public var overall: Double
    public var cohesion: Double
    public var coverage: Double
    public var outliers: [String]
    public var trackCount: Int
    public var meetsThreshold: Bool

    /// Tolerance per feature: a track this far from the target scores zero on it.
    static let tolerances: [String: Double] = [
        "speechiness": 0.20, "instrumentalness": 0.20, "energy": 0.25, "valence": 0.25,
        "danceability": 0.25, "acousticness": 0.30, "liveness": 0.30, "tempo": 35, "loudness": 5,
        "popularity": 25,
    ]

    /// Weights used when the mood gave none.
    static let defaultWeights: [String: Double] = [
        "energy": 0.8, "valence": 0.8, "speechiness": 0.7, "instrumentalness": 0.7,
        "danceability": 0.6, "acousticness": 0.6, "tempo": 0.4, "loudness": 0.3, "liveness": 0.2,
        "popularity": 0.1,
    ]

    /// How well one track matches the mood whose targets `matcher` holds, 0–1.
    static func cohesion(of track: Track, matcher: MoodMatcher) -> Double {
        guard let features = track.features else { return track.source == .reccobeats ? 0.65 : 0.75 }
        return matcher.match { entry in entry.isPopularity ? track.popularity.map(Double.init) : features[entry.name] }
            ?? (track.source == .reccobeats ? 0.65 : 0.75)
    }

    /// How well audio `features` alone match the mood, 0–1 (nil: no targeted feature among
    /// them): the part of a track's cohesion anyone holding the features can compute, such as
    /// a replay reading an LLM request.
    public static func featureMatch(_ features: [String: Double], mood: MoodProfile) -> Double? {
        featureMatch(features, matcher: MoodMatcher(mood))
    }

    /// ``featureMatch(_:mood:)`` with the mood's targets worked out already.
    public static func featureMatch(_ features: [String: Double], matcher: MoodMatcher) -> Double? {
        matcher.match { features[$0.name] }
    }

    /// Scores `tracks` for `mood` against `target`, with the LLM's 0–1 score (nil: algorithmic only).
    static func evaluate(
        _ tracks: [Track], mood: MoodProfile, target: PlaylistTarget, threshold: Double,
        llmScore: Double?
    ) -> QualityScore {
        let n = tracks.count
        guard n > 0 else {
            return QualityScore(
                overall: 0, cohesion: 0, coverage: 0, outliers: [], trackCount: 0, meetsThreshold: false)
        }
        let coverage = (n < target.minimum || n < target.target) ? Double(n) / Double(target.target) : 1
        var outliers: [String] = []
        var kept: [Double] = []
        let matcher = MoodMatcher(mood)
        for track in tracks {
            let score = cohesion(of: track, matcher: matcher)
            let floor = track.source == .reccobeats ? 0.6 : 0.3
            if !track.userMentioned && score < floor {
                outliers.append(track.id)
            } else {
                kept.append(score)
            }
        }
        let cohesion = kept.isEmpty ? 0 : kept.reduce(0, +) / Double(kept.count)
        let confidence = tracks.map(\.confidence).reduce(0, +) / Double(n)
        let artists = Set(tracks.map { $0.artistIDs.first ?? $0.id }).count
        let diversity = min((Double(artists) / Double(n)) / 0.6, 1)
        let algorithmic = 0.4 * cohesion + 0.25 * coverage + 0.2 * confidence + 0.15 * diversity
        let overall = llmScore.map { 0.5 * algorithmic + 0.5 * $0 } ?? algorithmic
        let meets = overall >= threshold && n >= target.minimum && outliers.count <= n / 3
        return QualityScore(
            overall: overall, cohesion: cohesion, coverage: coverage, outliers: outliers,
            trackCount: n, meetsThreshold: meets)
    }
}

/// A mood's targets as a track's match reads them: per feature the mood targets and the match
/// has a tolerance for, in ``AudioFeatures/names`` order and then popularity, its midpoint,
/// tolerance and weight. Worked out once per mood, not per track: four dictionary lookups per
/// feature per track were ≈ 2 % of a what-if draw (`perf record` on `replay … --draws 200`).
public struct MoodMatcher: Sendable {
    struct Entry: Sendable {
        let name: String
        let isPopularity: Bool
        let midpoint: Double
        let tolerance: Double
        let weight: Double
    }

    let entries: [Entry]

    public init(_ mood: MoodProfile) {
        var entries: [Entry] = []
        for name in AudioFeatures.names + ["popularity"] {
            guard let target = mood.targets[name], let tolerance = QualityScore.tolerances[name] else { continue }
            let weight = mood.weights.isEmpty ? (QualityScore.defaultWeights[name] ?? 0.5) : (mood.weights[name] ?? 0.5)
            entries.append(
                Entry(
                    name: name, isPopularity: name == "popularity", midpoint: (target.lowerBound + target.upperBound) / 2,
                    tolerance: tolerance, weight: weight))
        }
        self.entries = entries
    }

    /// The weighted mean closeness to the mood's targets of the values `value` gives per
    /// targeted feature (nil: it gives none).
    func match(_ value: (Entry) -> Double?) -> Double? {
        var weighted = 0.0
        var totalWeight = 0.0
        for entry in entries {
            guard let value = value(entry) else { continue }
            let match = max(0, 1 - abs(value - entry.midpoint) / entry.tolerance)
            weighted += match * entry.weight
            totalWeight += entry.weight
        }
        return totalWeight > 0 ? weighted / totalWeight : nil
    }
}
