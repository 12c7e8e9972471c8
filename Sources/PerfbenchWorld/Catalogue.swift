/// One consistent music catalogue per seed: genres, artists, albums and tracks with Spotify ids,
/// ReccoBeats UUIDs and audio features, plus the user's top items.
///
/// Built in a few milliseconds from numbers only (see ``IDCodec``); immutable and `Sendable`, so
/// one catalogue can back many simulated workflows at once.
public struct Catalogue: Sendable {
    /// An artist as the simulated services describe it.
    public struct Artist: Sendable, Hashable {
        /// Position in the catalogue.
        public var index: Int
        /// 22-character base62 Spotify id.
        public var spotifyID: String
        /// ReccoBeats UUID.
        public var reccoBeatsID: String
        /// Unique display name.
        public var name: String
        /// Primary genre first.
        public var genres: [String]
        /// Spotify popularity 0–100.
        public var popularity: Int
        /// Follower count.
        public var followers: Int
        /// The artist's tracks, most popular first.
        public var trackIndices: Range<Int>
        /// The artist's albums and singles.
        public var albumIndices: Range<Int>
    }

    /// An album or single.
    public struct Album: Sendable, Hashable {
        /// Position in the catalogue.
        public var index: Int
        /// 22-character base62 Spotify id.
        public var spotifyID: String
        /// Title (a single is named after its track).
        public var name: String
        /// The album's artist.
        public var artistIndex: Int
        /// Release year.
        public var releaseYear: Int
        /// True for singles.
        public var isSingle: Bool
        /// Tracks in track-number order.
        public var trackIndices: [Int]
    }

    /// A track, with what ReccoBeats knows of it.
    public struct Track: Sendable, Hashable {
        /// Position in the catalogue.
        public var index: Int
        /// 22-character base62 Spotify id.
        public var spotifyID: String
        /// ReccoBeats UUID (answers only when ``inReccoBeats``).
        public var reccoBeatsID: String
        /// Track title.
        public var title: String
        /// The main artist first, then a featured artist if any.
        public var artistIndices: [Int]
        /// The album or single the track is on.
        public var albumIndex: Int
        /// Length in milliseconds.
        public var durationMs: Int
        /// Spotify popularity 0–100.
        public var popularity: Int
        /// Explicit lyrics.
        public var explicit: Bool
        /// False for tracks ReccoBeats lacks (its `/v1/track` omits them).
        public var inReccoBeats: Bool
        /// Nil when ReccoBeats answers 404 for the track's audio features.
        public var features: AudioFeatures?
        /// False when ReccoBeats' track record has no `durationMs`.
        public var reccoBeatsHasDuration: Bool
    }

    /// The seed the catalogue was built from.
    public let seed: UInt64
    /// The shape it was built with.
    public let shape: CatalogueShape

    let codec: IDCodec
    /// Rendered JSON of entities, shared by every copy of this catalogue.
    let fragments: FragmentCache
    var artists: [ArtistRecord]
    var albums: [AlbumRecord]
    var tracks: [TrackRecord]
    /// Artist indices per genre, most popular first (secondary genres included).
    var genreArtists: [[Int32]]
    var artistByName: [String: Int32]
    var artistByLowercasedName: [String: Int32]
    var topArtists: [Int32]
    var topTracks: [Int32]

    /// Builds the catalogue of `seed`; the same seed and shape always give the same catalogue.
    public init(seed: UInt64, shape: CatalogueShape = CatalogueShape()) {
        var builder = CatalogueBuilder(seed: seed, shape: shape)
        self = builder.build()
    }

    init(
        seed: UInt64, shape: CatalogueShape, artists: [ArtistRecord], albums: [AlbumRecord],
        tracks: [TrackRecord], genreArtists: [[Int32]], artistByName: [String: Int32],
        artistByLowercasedName: [String: Int32], topArtists: [Int32], topTracks: [Int32]
    ) {
        self.seed = seed
        self.shape = shape
        self.codec = IDCodec(seed: seed)
        self.fragments = FragmentCache()
        self.artists = artists
        self.albums = albums
        self.tracks = tracks
        self.genreArtists = genreArtists
        self.artistByName = artistByName
        self.artistByLowercasedName = artistByLowercasedName
        self.topArtists = topArtists
        self.topTracks = topTracks
    }

    // MARK: Sizes

    /// Number of artists.
    public var artistCount: Int { artists.count }
    /// Number of albums and singles.
    public var albumCount: Int { albums.count }
    /// Number of tracks.
    public var trackCount: Int { tracks.count }

    /// Every genre name, in table order.
    public var genreNames: [String] { GenreTable.all.map(\.name) }

    // MARK: Views

    /// The artist at `index` (0 ..< ``artistCount``).
    public func artist(_ index: Int) -> Artist {
        let record = artists[index]
        return Artist(
            index: index, spotifyID: codec.spotifyID(.artist, index),
            reccoBeatsID: codec.uuid(.artist, index), name: record.name,
            genres: record.genreIndices.map { GenreTable.all[$0].name },
            popularity: Int(record.popularity), followers: Int(record.followers),
            trackIndices: record.trackRange, albumIndices: record.albumRange)
    }

    /// The album at `index`.
    public func album(_ index: Int) -> Album {
        let record = albums[index]
        return Album(
            index: index, spotifyID: codec.spotifyID(.album, index), name: albumName(index),
            artistIndex: Int(record.artist), releaseYear: Int(record.year),
            isSingle: record.isSingle, trackIndices: albumTrackIndices(index))
    }

    /// The track at `index`.
    public func track(_ index: Int) -> Track {
        let record = tracks[index]
        var artistIndices = [Int(record.artist)]
        if record.featured != noArtist { artistIndices.append(Int(record.featured)) }
        return Track(
            index: index, spotifyID: codec.spotifyID(.track, index),
            reccoBeatsID: codec.uuid(.track, index), title: record.title,
            artistIndices: artistIndices, albumIndex: Int(record.album),
            durationMs: Int(record.durationMs), popularity: Int(record.popularity),
            explicit: record.explicit, inReccoBeats: record.inReccoBeats,
            features: record.inReccoBeats && record.hasFeatures ? record.features : nil,
            reccoBeatsHasDuration: record.reccoBeatsHasDuration)
    }

    // MARK: Lookups

    /// The artist whose name is exactly `name` (case-insensitive).
    public func artist(named name: String) -> Artist? {
        artistIndex(named: name).map(artist(_:))
    }

    /// The artist with this Spotify id or ReccoBeats UUID.
    public func artist(id: String) -> Artist? {
        entityIndex(id, kind: .artist).map(artist(_:))
    }

    /// The track with this Spotify id or ReccoBeats UUID (UUIDs only of tracks ReccoBeats has).
    public func track(id: String) -> Track? {
        entityIndex(id, kind: .track).map(track(_:))
    }

    /// Artist indices of a genre, most popular first; empty for unknown genres.
    public func artistIndices(inGenre genre: String) -> [Int] {
        guard let position = GenreTable.indexByName[genre.lowercased()] else { return [] }
        return genreArtists[position].map(Int.init)
    }

    /// The user's top artists (medium term), best first.
    public var userTopArtistIndices: [Int] { topArtists.map(Int.init) }

    /// The user's top tracks (medium term), best first.
    public var userTopTrackIndices: [Int] { topTracks.map(Int.init) }

    func artistIndex(named name: String) -> Int? {
        if let exact = artistByName[name] { return Int(exact) }
        return artistByLowercasedName[name.lowercased()].map(Int.init)
    }

    /// Decodes a Spotify id or a UUID of `kind`; UUIDs of tracks ReccoBeats lacks read as unknown.
    func entityIndex(_ id: Substring, kind: EntityKind) -> Int? {
        if let decoded = codec.decodeSpotifyID(id) {
            guard decoded.kind == kind, decoded.index < count(of: kind) else { return nil }
            return decoded.index
        }
        if let decoded = codec.decodeUUID(id) {
            guard decoded.kind == kind, decoded.index < count(of: kind) else { return nil }
            if kind == .track, !tracks[decoded.index].inReccoBeats { return nil }
            return decoded.index
        }
        return nil
    }

    func entityIndex(_ id: String, kind: EntityKind) -> Int? {
        entityIndex(Substring(id), kind: kind)
    }

    private func count(of kind: EntityKind) -> Int {
        switch kind {
        case .artist: return artists.count
        case .album: return albums.count
        case .track: return tracks.count
        }
    }

    func albumName(_ index: Int) -> String {
        let record = albums[index]
        if record.isSingle, let first = firstTrack(ofAlbum: index) {
            return tracks[first].title
        }
        return NameBank.albumTitle(
            pattern: record.titlePattern, first: record.titleFirst, second: record.titleSecond)
    }

    /// The album's track number 1, found without allocating.
    func firstTrack(ofAlbum index: Int) -> Int? {
        let artist = artists[Int(albums[index].artist)]
        for track in artist.trackRange where tracks[track].album == Int32(index) && tracks[track].trackNumber == 1 {
            return track
        }
        return nil
    }

    /// An album's tracks in track-number order.
    func albumTrackIndices(_ index: Int) -> [Int] {
        let artist = artists[Int(albums[index].artist)]
        var result = artist.trackRange.filter { tracks[$0].album == Int32(index) }
        result.sort { tracks[$0].trackNumber < tracks[$1].trackNumber }
        return result
    }
}
