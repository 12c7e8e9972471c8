/// The audio features the quality math reads (ReccoBeats' names; 0–1 unless noted).
public struct AudioFeatures: Sendable, Hashable {
    /// Feature name → value, e.g. `energy` → 0.72, `tempo` → 118 (BPM), `loudness` → −7 (dB).
    public var values: [String: Double]

    public init(values: [String: Double]) {
        self.values = values
    }

    public subscript(name: String) -> Double? { values[name] }

    /// The features the backend compares, in a fixed order (never iterate `values` for output).
    public static let names = [
        "acousticness", "danceability", "energy", "instrumentalness", "liveness", "loudness",
        "speechiness", "tempo", "valence",
    ]
}

/// Where a candidate track came from; the quality math treats sources differently.
public enum TrackSource: String, Sendable, Hashable {
    case reccobeats, artist, anchor, user, spotify
}

/// A candidate or final playlist track.
public struct Track: Sendable, Hashable {
    /// The Spotify id (ReccoBeats tracks carry it in their `href`).
    public var id: String
    /// The ReccoBeats UUID, once known.
    public var reccoID: String?
    public var name: String
    public var artistIDs: [String]
    public var artistNames: [String]
    public var durationMs: Int?
    public var popularity: Int?
    public var features: AudioFeatures?
    public var source: TrackSource
    /// The generator's confidence in the track, 0–1.
    public var confidence: Double
    /// Mentioned by the user: never an outlier.
    public var userMentioned: Bool

    public init(
        id: String, reccoID: String? = nil, name: String, artistIDs: [String] = [],
        artistNames: [String] = [], durationMs: Int? = nil, popularity: Int? = nil,
        features: AudioFeatures? = nil, source: TrackSource, confidence: Double = 0.7,
        userMentioned: Bool = false
    ) {
        self.id = id
        self.reccoID = reccoID
        self.name = name
        self.artistIDs = artistIDs
        self.artistNames = artistNames
        self.durationMs = durationMs
        self.popularity = popularity
        self.features = features
        self.source = source
        self.confidence = confidence
        self.userMentioned = userMentioned
    }

    /// The first artist's name, or an empty string.
    public var primaryArtist: String { artistNames.first ?? "" }
}

/// An artist as Spotify describes it.
public struct Artist: Sendable, Hashable {
    public var id: String
    public var name: String
    public var genres: [String]
    public var popularity: Int

    public init(id: String, name: String, genres: [String] = [], popularity: Int = 50) {
        self.id = id
        self.name = name
        self.genres = genres
        self.popularity = popularity
    }
}

/// An album (id only is needed to list its tracks).
public struct Album: Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
