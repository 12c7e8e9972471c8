/// The catalogue's entities in the real services' JSON shapes (only the fields APIS.md lists),
/// keys sorted.
extension Catalogue {
    // MARK: Spotify

    /// Full track: `album, artists, duration_ms, explicit, id, name, popularity, uri`.
    func writeSpotifyTrack(_ index: Int, into json: inout JSONWriter) {
        json.cached(fragments, .spotifyTrack, index) { renderSpotifyTrack(index, simplified: false, into: &$0) }
    }

    /// Simplified track (album tracks): no album, no popularity, plus `track_number`.
    func writeSpotifySimplifiedTrack(_ index: Int, into json: inout JSONWriter) {
        json.cached(fragments, .spotifySimplifiedTrack, index) { renderSpotifyTrack(index, simplified: true, into: &$0) }
    }

    private func renderSpotifyTrack(_ index: Int, simplified: Bool, into json: inout JSONWriter) {
        let record = tracks[index]
        json.beginObject()
        if !simplified {
            json.key("album")
            writeSpotifyAlbumReference(Int(record.album), into: &json)
        }
        json.key("artists")
        writeSpotifyArtistReferences(record, into: &json)
        json.key("duration_ms")
        json.int(Int(record.durationMs))
        json.key("explicit")
        json.bool(record.explicit)
        json.key("id")
        json.spotifyID(codec, .track, index)
        json.key("name")
        writeTitle(record, into: &json)
        // Keys stay sorted: "popularity" and "track_number" both fall between "name" and "uri".
        if simplified {
            json.key("track_number")
            json.int(Int(record.trackNumber))
        } else {
            json.key("popularity")
            json.int(Int(record.popularity))
        }
        json.key("uri")
        json.spotifyID(codec, .track, index, prefix: "spotify:track:")
        json.endObject()
    }

    /// Full artist: `followers, genres, id, images, name, popularity, uri`.
    func writeSpotifyArtist(_ index: Int, into json: inout JSONWriter) {
        json.cached(fragments, .spotifyArtist, index) { renderSpotifyArtist(index, into: &$0) }
    }

    private func renderSpotifyArtist(_ index: Int, into json: inout JSONWriter) {
        let record = artists[index]
        json.beginObject()
        json.key("followers")
        json.beginObject()
        json.key("total")
        json.int(Int(record.followers))
        json.endObject()
        json.key("genres")
        json.beginArray()
        for genre in record.genreIndices { json.string(GenreTable.all[genre].name) }
        json.endArray()
        json.key("id")
        json.spotifyID(codec, .artist, index)
        json.key("images")
        json.beginArray()
        json.endArray()
        json.key("name")
        json.string(record.name)
        json.key("popularity")
        json.int(Int(record.popularity))
        json.key("uri")
        json.spotifyID(codec, .artist, index, prefix: "spotify:artist:")
        json.endObject()
    }

    /// Album in an artist's album list: `album_type, id, name, release_date, total_tracks, uri`.
    func writeSpotifyAlbum(_ index: Int, into json: inout JSONWriter) {
        json.cached(fragments, .spotifyAlbum, index) { renderSpotifyAlbum(index, into: &$0) }
    }

    private func renderSpotifyAlbum(_ index: Int, into json: inout JSONWriter) {
        let record = albums[index]
        json.beginObject()
        json.key("album_type")
        json.string(record.isSingle ? "single" : "album")
        json.key("id")
        json.spotifyID(codec, .album, index)
        json.key("name")
        writeAlbumName(index, into: &json)
        json.key("release_date")
        json.string(String(record.year))
        json.key("total_tracks")
        json.int(Int(record.trackCount))
        json.key("uri")
        json.spotifyID(codec, .album, index, prefix: "spotify:album:")
        json.endObject()
    }

    private func writeSpotifyAlbumReference(_ index: Int, into json: inout JSONWriter) {
        json.beginObject()
        json.key("id")
        json.spotifyID(codec, .album, index)
        json.key("name")
        writeAlbumName(index, into: &json)
        json.key("uri")
        json.spotifyID(codec, .album, index, prefix: "spotify:album:")
        json.endObject()
    }

    private func writeSpotifyArtistReferences(_ record: TrackRecord, into json: inout JSONWriter) {
        json.beginArray()
        writeSpotifyArtistReference(Int(record.artist), into: &json)
        if record.featured != noArtist { writeSpotifyArtistReference(Int(record.featured), into: &json) }
        json.endArray()
    }

    private func writeSpotifyArtistReference(_ artist: Int, into json: inout JSONWriter) {
        json.beginObject()
        json.key("href")
        json.spotifyID(codec, .artist, artist, prefix: "https://api.spotify.com/v1/artists/")
        json.key("id")
        json.spotifyID(codec, .artist, artist)
        json.key("name")
        json.string(artists[artist].name)
        json.key("uri")
        json.spotifyID(codec, .artist, artist, prefix: "spotify:artist:")
        json.endObject()
    }

    // MARK: ReccoBeats

    /// ReccoBeats track: `artists, availableCountries, durationMs?, href, id, isrc, popularity,
    /// trackTitle`; `href` is the Spotify URL whose tail is the Spotify id.
    func writeReccoBeatsTrack(_ index: Int, into json: inout JSONWriter) {
        json.cached(fragments, .reccoBeatsTrack, index) { renderReccoBeatsTrack(index, into: &$0) }
    }

    private func renderReccoBeatsTrack(_ index: Int, into json: inout JSONWriter) {
        let record = tracks[index]
        json.beginObject()
        json.key("artists")
        json.beginArray()
        writeReccoBeatsArtist(Int(record.artist), into: &json)
        if record.featured != noArtist { writeReccoBeatsArtist(Int(record.featured), into: &json) }
        json.endArray()
        json.key("availableCountries")
        json.string("US,GB,CA,AU,DE,FR,ES,BR,JP")
        if record.reccoBeatsHasDuration {
            json.key("durationMs")
            json.int(Int(record.durationMs))
        }
        json.key("href")
        json.spotifyID(codec, .track, index, prefix: "https://open.spotify.com/track/")
        json.key("id")
        json.uuid(codec, .track, index)
        json.key("isrc")
        writeISRC(index, into: &json)
        json.key("popularity")
        json.int(Int(record.popularity))
        json.key("trackTitle")
        writeTitle(record, into: &json)
        json.endObject()
    }

    /// ReccoBeats artist: `href, id, name`.
    func writeReccoBeatsArtist(_ index: Int, into json: inout JSONWriter) {
        json.cached(fragments, .reccoBeatsArtist, index) { renderReccoBeatsArtist(index, into: &$0) }
    }

    private func renderReccoBeatsArtist(_ index: Int, into json: inout JSONWriter) {
        json.beginObject()
        json.key("href")
        json.spotifyID(codec, .artist, index, prefix: "https://open.spotify.com/artist/")
        json.key("id")
        json.uuid(codec, .artist, index)
        json.key("name")
        json.string(artists[index].name)
        json.endObject()
    }

    /// Audio features: `acousticness, danceability, energy, href, id, instrumentalness, key,
    /// liveness, loudness, mode, speechiness, tempo, valence`.
    func writeReccoBeatsFeatures(_ index: Int, into json: inout JSONWriter) {
        json.cached(fragments, .reccoBeatsFeatures, index) { renderReccoBeatsFeatures(index, into: &$0) }
    }

    private func renderReccoBeatsFeatures(_ index: Int, into json: inout JSONWriter) {
        let features = tracks[index].features
        json.beginObject()
        json.key("acousticness")
        json.number(features.acousticness)
        json.key("danceability")
        json.number(features.danceability)
        json.key("energy")
        json.number(features.energy)
        json.key("href")
        json.spotifyID(codec, .track, index, prefix: "https://open.spotify.com/track/")
        json.key("id")
        json.uuid(codec, .track, index)
        json.key("instrumentalness")
        json.number(features.instrumentalness)
        json.key("key")
        json.int(features.key)
        json.key("liveness")
        json.number(features.liveness)
        json.key("loudness")
        json.number(features.loudness)
        json.key("mode")
        json.int(features.mode)
        json.key("speechiness")
        json.number(features.speechiness)
        json.key("tempo")
        json.number(features.tempo)
        json.key("valence")
        json.number(features.valence)
        json.endObject()
    }

    /// An ISRC-shaped code (country, registrant, year, designation) derived from the track.
    func isrc(_ index: Int) -> String {
        var json = JSONWriter(capacity: 14)
        writeISRC(index, into: &json)
        return String(json.text.dropFirst().dropLast())
    }

    private func writeISRC(_ index: Int, into json: inout JSONWriter) {
        let hash = Mix64.mix(seed ^ UInt64(index) &* 0x9E37_79B9)
        let country = Self.isrcCountries[Int(hash % UInt64(Self.isrcCountries.count))]
        json.openString()
        json.appendPlain(country)
        var bits = hash >> 8
        for _ in 0..<3 {
            json.appendByte(Self.isrcLetters[Int(bits % 36)])
            bits /= 36
        }
        let year = Int(albums[Int(tracks[index].album)].year) % 100
        json.appendByte(UInt8(ascii: "0") + UInt8(year / 10))
        json.appendByte(UInt8(ascii: "0") + UInt8(year % 10))
        var designation = Int((hash >> 40) % 100_000)
        var divisor = 10_000
        while divisor > 0 {
            json.appendByte(UInt8(ascii: "0") + UInt8(designation / divisor))
            designation %= divisor
            divisor /= 10
        }
        json.closeString()
    }

    private func writeTitle(_ record: TrackRecord, into json: inout JSONWriter) {
        NameBank.writeTitle(
            pattern: record.titlePattern, first: record.titleFirst, second: record.titleSecond,
            into: &json)
    }

    private func writeAlbumName(_ index: Int, into json: inout JSONWriter) {
        let record = albums[index]
        // A single is named after its first track, as singles are.
        if record.isSingle, let first = firstTrack(ofAlbum: index) {
            writeTitle(tracks[first], into: &json)
        } else {
            NameBank.writeAlbumTitle(
                pattern: record.titlePattern, first: record.titleFirst, second: record.titleSecond,
                into: &json)
        }
    }

    private static let isrcCountries = ["US", "GB", "DE", "FR", "SE", "JM", "BR", "MX", "NG", "KR", "JP", "ES"]
    private static let isrcLetters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
}
