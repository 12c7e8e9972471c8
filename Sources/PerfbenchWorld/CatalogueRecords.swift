/// Compact storage rows of a ``Catalogue``. Names of tracks and albums are word indices rendered
/// on demand; ids are computed from the index by ``IDCodec``.

/// Marks "no genre" in a genre slot and "no featured artist".
let noGenre: UInt8 = 255
let noArtist: Int32 = -1

struct ArtistRecord: Sendable {
    var name: String
    /// Up to three genre indices into ``GenreTable/all``; `noGenre` pads.
    var genres: (UInt8, UInt8, UInt8)
    var popularity: UInt8
    var followers: Int32
    /// The artist's tracks are `firstTrack ..< firstTrack + trackCount`, most popular first.
    var firstTrack: Int32
    var trackCount: UInt8
    var firstAlbum: Int32
    var albumCount: UInt8
    var emptyTopTracks: Bool

    var primaryGenre: Int { Int(genres.0) }

    var genreIndices: [Int] {
        var result = [Int(genres.0)]
        if genres.1 != noGenre { result.append(Int(genres.1)) }
        if genres.2 != noGenre { result.append(Int(genres.2)) }
        return result
    }

    func hasGenre(_ genre: Int) -> Bool {
        let value = UInt8(truncatingIfNeeded: genre)
        return genres.0 == value || genres.1 == value || genres.2 == value
    }

    var trackRange: Range<Int> { Int(firstTrack)..<Int(firstTrack) + Int(trackCount) }
    var albumRange: Range<Int> { Int(firstAlbum)..<Int(firstAlbum) + Int(albumCount) }
}

struct AlbumRecord: Sendable {
    var artist: Int32
    var titlePattern: UInt8
    var titleFirst: UInt16
    var titleSecond: UInt16
    var year: UInt16
    var isSingle: Bool
    var trackCount: UInt8
}

struct TrackRecord: Sendable {
    var artist: Int32
    var featured: Int32
    var album: Int32
    var durationMs: Int32
    var popularity: UInt8
    var trackNumber: UInt8
    var titlePattern: UInt8
    var titleFirst: UInt16
    var titleSecond: UInt16
    var explicit: Bool
    var inReccoBeats: Bool
    var hasFeatures: Bool
    var reccoBeatsHasDuration: Bool
    var features: AudioFeatures

    var title: String {
        NameBank.title(pattern: titlePattern, first: titleFirst, second: titleSecond)
    }
}
