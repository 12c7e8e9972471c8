/// The JSON answers of each ``LLMTask``. Field names are the JSON keys (snake_case via
/// `CodingKeys` where they differ). Every field is optional on decode: a model that omits one
/// gets the backend's fallback for it, and the run counts a fallback.

/// A track named by the user, e.g. "Teardrop" by Massive Attack.
public struct MentionedTrack: Codable, Sendable, Hashable {
    public var title: String
    public var artist: String

    public init(title: String, artist: String) {
        self.title = title
        self.artist = artist
    }
}

/// Answer to ``LLMTask/intentAnalysis``.
public struct IntentAnswer: Codable, Sendable, Hashable {
    public var intentType: String?
    public var mentionedTracks: [MentionedTrack]?
    public var mentionedArtists: [String]?
    public var primaryGenre: String?

    enum CodingKeys: String, CodingKey {
        case intentType = "intent_type", mentionedTracks = "mentioned_tracks"
        case mentionedArtists = "mentioned_artists", primaryGenre = "primary_genre"
    }

    public init(
        intentType: String?, mentionedTracks: [MentionedTrack]?, mentionedArtists: [String]?,
        primaryGenre: String?
    ) {
        self.intentType = intentType
        self.mentionedTracks = mentionedTracks
        self.mentionedArtists = mentionedArtists
        self.primaryGenre = primaryGenre
    }
}

/// Answer to ``LLMTask/moodAnalysis``: targets are single values or `[low, high]` ranges.
public struct MoodAnswer: Codable, Sendable, Hashable {
    public var moodLabel: String?
    /// Feature name → `[low, high]` (a single target is sent as `[x, x]`).
    public var targetFeatures: [String: [Double]]?
    /// Feature name → weight 0–1.
    public var featureWeights: [String: Double]?
    public var genreKeywords: [String]?
    public var artistRecommendations: [String]?

    enum CodingKeys: String, CodingKey {
        case moodLabel = "mood_label", targetFeatures = "target_features"
        case featureWeights = "feature_weights", genreKeywords = "genre_keywords"
        case artistRecommendations = "artist_recommendations"
    }

    public init(
        moodLabel: String?, targetFeatures: [String: [Double]]?, featureWeights: [String: Double]?,
        genreKeywords: [String]?, artistRecommendations: [String]?
    ) {
        self.moodLabel = moodLabel
        self.targetFeatures = targetFeatures
        self.featureWeights = featureWeights
        self.genreKeywords = genreKeywords
        self.artistRecommendations = artistRecommendations
    }
}

/// Answer to ``LLMTask/anchorMentions``.
public struct MentionAnswer: Codable, Sendable, Hashable {
    public var tracks: [MentionedTrack]?
    public var artists: [String]?

    public init(tracks: [MentionedTrack]?, artists: [String]?) {
        self.tracks = tracks
        self.artists = artists
    }
}

/// Answer to the selection tasks: the ids (track or artist) to keep, best first.
public struct SelectionAnswer: Codable, Sendable, Hashable {
    public var ids: [String]?

    public init(ids: [String]?) {
        self.ids = ids
    }
}

/// Answer to the strategy tasks: one or more strategy names, with a reason.
public struct StrategyAnswer: Codable, Sendable, Hashable {
    public var strategies: [String]?
    public var reasoning: String?

    public init(strategies: [String]?, reasoning: String?) {
        self.strategies = strategies
        self.reasoning = reasoning
    }
}

/// One scored id.
public struct ScoredID: Codable, Sendable, Hashable {
    public var id: String
    public var score: Double

    public init(id: String, score: Double) {
        self.id = id
        self.score = score
    }
}

/// Answer to ``LLMTask/anchorScoring``.
public struct ScoresAnswer: Codable, Sendable, Hashable {
    public var scores: [ScoredID]?

    public init(scores: [ScoredID]?) {
        self.scores = scores
    }
}

/// Answer to the evaluation tasks.
public struct EvaluationAnswer: Codable, Sendable, Hashable {
    public var score: Double?
    public var issues: [String]?

    public init(score: Double?, issues: [String]?) {
        self.score = score
        self.issues = issues
    }
}

/// One track's energy analysis.
public struct EnergyRow: Codable, Sendable, Hashable {
    public var id: String
    public var energy: Double
    public var role: String?

    public init(id: String, energy: Double, role: String?) {
        self.id = id
        self.energy = energy
        self.role = role
    }
}

/// Answer to ``LLMTask/energyAnalysis``.
public struct EnergyAnswer: Codable, Sendable, Hashable {
    public var tracks: [EnergyRow]?

    public init(tracks: [EnergyRow]?) {
        self.tracks = tracks
    }
}
