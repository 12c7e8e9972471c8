/// What the user message of each ``LLMTask`` carries, as JSON (keys sorted). The simulated LLM
/// reads these to answer consistently; a real LLM just reads them as text.
///
/// - `intent_analysis`, `mood_analysis`, `anchor_mentions`: `{"prompt": String}`
/// - `anchor_filter`, `anchor_scoring`, `anchor_finalize`, `seed_selection`,
///   `quality_evaluation`, `final_evaluation`, `energy_analysis`, `ordering_strategy`:
///   `{"prompt": String, "tracks": [{"id", "name", "artist", "features": {name: value}?}], "count": Int?}`
/// - `artist_validation`: `{"prompt": String, "artists": [{"id", "name", "genres": [String]}], "count": Int?}`
/// - `anchor_strategy`, `improvement_strategy`: `{"prompt": String, "quality": {...}?}`
public struct LLMTrackInput: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var artist: String
    public var features: [String: Double]?

    public init(id: String, name: String, artist: String, features: [String: Double]?) {
        self.id = id
        self.name = name
        self.artist = artist
        self.features = features
    }
}

/// An artist as sent to the LLM.
public struct LLMArtistInput: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var genres: [String]

    public init(id: String, name: String, genres: [String]) {
        self.id = id
        self.name = name
        self.genres = genres
    }
}

/// The user message of any ``LLMTask``.
public struct LLMRequestInput: Codable, Sendable, Hashable {
    public var prompt: String
    public var tracks: [LLMTrackInput]?
    public var artists: [LLMArtistInput]?
    public var count: Int?
    public var quality: [String: Double]?

    public init(
        prompt: String, tracks: [LLMTrackInput]? = nil, artists: [LLMArtistInput]? = nil,
        count: Int? = nil, quality: [String: Double]? = nil
    ) {
        self.prompt = prompt
        self.tracks = tracks
        self.artists = artists
        self.count = count
        self.quality = quality
    }
}
