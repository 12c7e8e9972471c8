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
/// A value type whose fields live in one shared, copy-on-write box: the pipeline copies tracks
/// all the time (sorting, de-duplicating, merging pools), and a copy of the eleven fields inline
/// retained six references where the box retains one (18 % of a what-if draw's retains before,
/// `perf record -e probe_libswiftCore:swift_retain` on `replay … --draws 20`).
public struct Track: Sendable, Hashable {
    /// The fields. Mutated only through `Track`'s setters, which copy it first unless this track
    /// holds the only reference (``Track/writable``): so no two tracks ever see each other's
    /// writes, which is what makes sharing it across tasks safe.
    private final class Storage: @unchecked Sendable {
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

        init(
            id: String, reccoID: String?, name: String, artistIDs: [String], artistNames: [String], durationMs: Int?,
            popularity: Int?, features: AudioFeatures?, source: TrackSource, confidence: Double, userMentioned: Bool
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

        func copy() -> Storage {
            Storage(
                id: id, reccoID: reccoID, name: name, artistIDs: artistIDs, artistNames: artistNames, durationMs: durationMs,
                popularity: popularity, features: features, source: source, confidence: confidence,
                userMentioned: userMentioned)
        }
    }

    private var storage: Storage

    /// The box, unshared first: every setter writes through this.
    private var writable: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// The Spotify id (ReccoBeats tracks carry it in their `href`).
    public var id: String {
        get { storage.id }
        set { writable.id = newValue }
    }
    /// The ReccoBeats UUID, once known.
    public var reccoID: String? {
        get { storage.reccoID }
        set { writable.reccoID = newValue }
    }
    public var name: String {
        get { storage.name }
        set { writable.name = newValue }
    }
    public var artistIDs: [String] {
        get { storage.artistIDs }
        set { writable.artistIDs = newValue }
    }
    public var artistNames: [String] {
        get { storage.artistNames }
        set { writable.artistNames = newValue }
    }
    public var durationMs: Int? {
        get { storage.durationMs }
        set { writable.durationMs = newValue }
    }
    public var popularity: Int? {
        get { storage.popularity }
        set { writable.popularity = newValue }
    }
    public var features: AudioFeatures? {
        get { storage.features }
        set { writable.features = newValue }
    }
    public var source: TrackSource {
        get { storage.source }
        set { writable.source = newValue }
    }
    /// The generator's confidence in the track, 0–1.
    public var confidence: Double {
        get { storage.confidence }
        set { writable.confidence = newValue }
    }
    /// Mentioned by the user: never an outlier.
    public var userMentioned: Bool {
        get { storage.userMentioned }
        set { writable.userMentioned = newValue }
    }

    public init(
        id: String, reccoID: String? = nil, name: String, artistIDs: [String] = [],
        artistNames: [String] = [], durationMs: Int? = nil, popularity: Int? = nil,
        features: AudioFeatures? = nil, source: TrackSource, confidence: Double = 0.7,
        userMentioned: Bool = false
    ) {
        storage = Storage(
            id: id, reccoID: reccoID, name: name, artistIDs: artistIDs, artistNames: artistNames,
            durationMs: durationMs, popularity: popularity, features: features, source: source,
            confidence: confidence, userMentioned: userMentioned)
    }

    /// The first artist's name, or an empty string.
    public var primaryArtist: String { storage.artistNames.first ?? "" }

    public static func == (lhs: Track, rhs: Track) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let l = lhs.storage
        let r = rhs.storage
        return l.id == r.id
            && l.reccoID == r.reccoID
            && l.name == r.name
            && l.artistIDs == r.artistIDs
            && l.artistNames == r.artistNames
            && l.durationMs == r.durationMs
            && l.popularity == r.popularity
            && l.features == r.features
            && l.source == r.source
            && l.confidence == r.confidence
            && l.userMentioned == r.userMentioned
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.id)
        hasher.combine(storage.reccoID)
        hasher.combine(storage.name)
        hasher.combine(storage.artistIDs)
        hasher.combine(storage.artistNames)
        hasher.combine(storage.durationMs)
        hasher.combine(storage.popularity)
        hasher.combine(storage.features)
        hasher.combine(storage.source)
        hasher.combine(storage.confidence)
        hasher.combine(storage.userMentioned)
    }
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
