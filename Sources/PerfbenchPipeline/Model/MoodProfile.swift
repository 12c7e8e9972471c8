import PerfbenchRecording

/// What mood analysis decided: feature targets (ranges), weights, genres and suggested artists,
/// and the playlist sizing that follows from them (PIPELINE.md §2).
public struct MoodProfile: Sendable, Hashable {
    /// Feature → (low, high); a single target has low == high.
    public var targets: [String: ClosedRange<Double>]
    /// Feature → weight 0–1.
    public var weights: [String: Double]
    public var genres: [String]
    public var suggestedArtists: [String]
    public var label: String

    public init(
        targets: [String: ClosedRange<Double>], weights: [String: Double], genres: [String],
        suggestedArtists: [String], label: String
    ) {
        self.targets = targets
        self.weights = weights
        self.genres = genres
        self.suggestedArtists = suggestedArtists
        self.label = label
    }

    /// The backend's fallback when the mood answer is missing or malformed.
    public static let fallback = MoodProfile(
        targets: ["energy": 0.4...0.7, "valence": 0.4...0.7], weights: [:], genres: ["pop"],
        suggestedArtists: [], label: "balanced")

    /// The profile a mood-analysis answer describes (`target_features`: a value or a range per
    /// feature, `feature_weights`, `genre_keywords`, `artist_recommendations`, `mood_label`), or
    /// the backend's ``fallback`` when the answer is missing or names no target.
    public init(answer: JSONValue?) {
        guard let answer, let targetObject = answer["target_features"]?.objectValue else {
            self = .fallback
            return
        }
        var targets: [String: ClosedRange<Double>] = [:]
        for member in targetObject.members {
            let values = member.value.arrayValue?.compactMap(\.doubleValue) ?? [member.value.doubleValue].compactMap { $0 }
            guard let low = values.min(), let high = values.max() else { continue }
            targets[member.key] = low...high
        }
        var weights: [String: Double] = [:]
        for member in answer["feature_weights"]?.objectValue?.members ?? [] {
            if let weight = member.value.doubleValue { weights[member.key] = weight }
        }
        guard !targets.isEmpty else {
            self = .fallback
            return
        }
        self.init(
            targets: targets, weights: weights,
            genres: answer["genre_keywords"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            suggestedArtists: answer["artist_recommendations"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            label: answer["mood_label"]?.stringValue ?? "")
    }

    /// Features with more weight than 0.7.
    public var highWeightCount: Int {
        weights.values.filter { $0 > 0.7 }.count
    }
}

/// Playlist size and quality bar (PIPELINE.md §2).
public struct PlaylistTarget: Sendable, Hashable {
    public var target: Int
    public var minimum: Int
    public var maximum: Int
    public var qualityThreshold: Double

    public init(target: Int, minimum: Int, maximum: Int, qualityThreshold: Double) {
        self.target = target
        self.minimum = minimum
        self.maximum = maximum
        self.qualityThreshold = qualityThreshold
    }

    /// Broad moods (≤ 4 targets or ≤ 2 heavy weights) get longer, more lenient playlists;
    /// specific ones (≥ 8 targets or ≥ 4 heavy weights) shorter, stricter ones.
    public static func planned(for mood: MoodProfile) -> PlaylistTarget {
        let features = mood.targets.count
        let heavy = mood.highWeightCount
        if features >= 8 || heavy >= 4 {
            return PlaylistTarget(target: 18, minimum: 12, maximum: 25, qualityThreshold: 0.80)
        }
        if features <= 4 || heavy <= 2 {
            return PlaylistTarget(target: 25, minimum: 15, maximum: 30, qualityThreshold: 0.70)
        }
        return PlaylistTarget(target: 20, minimum: 15, maximum: 25, qualityThreshold: 0.75)
    }
}
