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
///
/// Its fields live in one ``CopyOnWriteBox``: the pipeline copies tracks all the time (sorting,
/// de-duplicating, merging pools), and a copy of the eleven fields inline retained six
/// references where the box retains one (18 % of a what-if draw's retains before, `perf record
/// -e probe_libswiftCore:swift_retain` on `replay … --draws 20`).
public struct Track: Sendable, Hashable {
    private struct Fields: Sendable, Hashable {
        var id: String
        var reccoID: String?
        var name: String
        var artistIDs: [String]
        var artistNames: [String]
        var durationMs: Int?
        var popularity: Int?
        var features: AudioFeatures?
        var source: TrackSource
        var confidence: Double
        var userMentioned: Bool
    }

    private var fields: CopyOnWriteBox<Fields>

    /// The Spotify id (ReccoBeats tracks carry it in their `href`).
    public var id: String {
        get { fields.value.id }
        set { fields.value.id = newValue }
    }
    /// The ReccoBeats UUID, once known.
    public var reccoID: String? {
        get { fields.value.reccoID }
        set { fields.value.reccoID = newValue }
    }
    public var name: String {
        get { fields.value.name }
        set { fields.value.name = newValue }
    }
    public var artistIDs: [String] {
        get { fields.value.artistIDs }
        set { fields.value.artistIDs = newValue }
    }
    public var artistNames: [String] {
        get { fields.value.artistNames }
        set { fields.value.artistNames = newValue }
    }
    public var durationMs: Int? {
        get { fields.value.durationMs }
        set { fields.value.durationMs = newValue }
    }
    public var popularity: Int? {
        get { fields.value.popularity }
        set { fields.value.popularity = newValue }
    }
    public var features: AudioFeatures? {
        get { fields.value.features }
        set { fields.value.features = newValue }
    }
    public var source: TrackSource {
        get { fields.value.source }
        set { fields.value.source = newValue }
    }
    /// The generator's confidence in the track, 0–1.
    public var confidence: Double {
        get { fields.value.confidence }
        set { fields.value.confidence = newValue }
    }
    /// Mentioned by the user: never an outlier.
    public var userMentioned: Bool {
        get { fields.value.userMentioned }
        set { fields.value.userMentioned = newValue }
    }

    public init(
        id: String, reccoID: String? = nil, name: String, artistIDs: [String] = [],
        artistNames: [String] = [], durationMs: Int? = nil, popularity: Int? = nil,
        features: AudioFeatures? = nil, source: TrackSource, confidence: Double = 0.7,
        userMentioned: Bool = false
    ) {
        fields = CopyOnWriteBox(
            Fields(
                id: id, reccoID: reccoID, name: name, artistIDs: artistIDs, artistNames: artistNames,
                durationMs: durationMs, popularity: popularity, features: features, source: source,
                confidence: confidence, userMentioned: userMentioned))
    }

    /// The first artist's name, or an empty string.
    public var primaryArtist: String { fields.value.artistNames.first ?? "" }
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
