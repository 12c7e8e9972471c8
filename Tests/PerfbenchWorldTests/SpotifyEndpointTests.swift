import Testing
import PerfbenchPipeline
import PerfbenchRecording
@testable import PerfbenchWorld

@Suite struct SpotifyEndpointTests {
    let world = testWorld()
    var catalogue: Catalogue { world.catalogue }

    @Test func genreSearchListsTheGenresArtistsAndTracks() throws {
        // The small test catalogue has few artists in some genres; take the fullest one.
        let genre = try #require(catalogue.genreNames.max {
            catalogue.artistIndices(inGenre: $0).count < catalogue.artistIndices(inGenre: $1).count
        })
        let artists = body(world, spotifyGET("/v1/search", [("q", "genre:\(genre)"), ("type", "artist"), ("limit", "40")]))
        #expect(artists.status == 200)
        #expect(keys(artists.json["artists"]) == ["items", "limit", "next", "offset", "total"])
        let items = try #require(artists.json["artists"]?["items"]?.arrayValue)
        #expect(!items.isEmpty)
        for item in items {
            #expect(keys(item) == ["followers", "genres", "id", "images", "name", "popularity", "uri"])
            #expect(item["genres"]?.arrayValue?.contains(.string(genre)) == true)
        }
        let tracks = body(world, spotifyGET("/v1/search", [("q", "genre:\(genre)"), ("type", "track"), ("limit", "15")]))
        let trackItems = try #require(tracks.json["tracks"]?["items"]?.arrayValue)
        #expect(trackItems.count == 15)
        #expect(keys(trackItems[0]) == ["album", "artists", "duration_ms", "explicit", "id", "name", "popularity", "uri"])
        #expect(keys(trackItems[0]["artists"]?.arrayValue?.first) == ["href", "id", "name", "uri"])
        // Genre search spreads over artists rather than listing one artist's catalogue.
        let firstArtists = Set(trackItems.prefix(3).compactMap { $0["artists"]?.arrayValue?.first?["id"]?.stringValue })
        #expect(firstArtists.count == 3)
    }

    @Test func trackAndArtistSearchFindsTheNamedTrackFirst() throws {
        let artist = catalogue.artist(12)
        let track = catalogue.track(artist.trackIndices.lowerBound + 1)
        let exact = body(world, spotifyGET("/v1/search", [("q", "track:\(track.title) artist:\(artist.name)"), ("type", "track"), ("limit", "3")]))
        #expect(exact.json["tracks"]?["items"]?.arrayValue?.first?["id"]?.stringValue == track.spotifyID)
        let free = body(world, spotifyGET("/v1/search", [("q", "\(track.title) \(artist.name)"), ("type", "track"), ("limit", "5")]))
        #expect(free.json["tracks"]?["items"]?.arrayValue?.first?["id"]?.stringValue == track.spotifyID)
        let byArtist = body(world, spotifyGET("/v1/search", [("q", "artist:\(artist.name)"), ("type", "track"), ("limit", "20")]))
        let ids = byArtist.json["tracks"]?["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(ids.count == artist.trackIndices.count)
        let names = body(world, spotifyGET("/v1/search", [("q", artist.name), ("type", "artist"), ("limit", "3")]))
        let found = try #require(names.json["artists"]?["items"]?.arrayValue)
        #expect(found.count == 3)
        #expect(found.first?["name"]?.stringValue == artist.name)
    }

    @Test func unknownNamesStillReturnResults() throws {
        let reply = body(world, spotifyGET("/v1/search", [("q", "Nobody In Particular"), ("type", "artist"), ("limit", "3")]))
        #expect(reply.status == 200)
        #expect(reply.json["artists"]?["items"]?.arrayValue?.count == 3)
    }

    @Test func pagingHonoursLimitAndOffset() throws {
        let genre = catalogue.genreNames[0]
        let first = body(world, spotifyGET("/v1/search", [("q", "genre:\(genre)"), ("type", "track"), ("limit", "4")]))
        let second = body(world, spotifyGET("/v1/search", [("q", "genre:\(genre)"), ("type", "track"), ("limit", "2"), ("offset", "2")]))
        let firstIDs = first.json["tracks"]?["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        let secondIDs = second.json["tracks"]?["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(Array(firstIDs.suffix(2)) == secondIDs)
        #expect(second.json["tracks"]?["offset"]?.intValue == 2)
    }

    @Test func topTracksAreTheArtistsMostPopular() throws {
        let artist = catalogue.artist(30)
        let reply = body(world, spotifyGET("/v1/artists/\(artist.spotifyID)/top-tracks", [("market", "US")]))
        #expect(keys(reply.json) == ["tracks"])
        let popularity = reply.json["tracks"]?.arrayValue?.compactMap { $0["popularity"]?.intValue } ?? []
        #expect(popularity.count == min(10, artist.trackIndices.count))
        #expect(popularity == popularity.sorted(by: >))
    }

    @Test func artistsAlbumsAndTracksAnswerTheirShapes() throws {
        let artist = catalogue.artist(8)
        let single = body(world, spotifyGET("/v1/artists/\(artist.spotifyID)"))
        #expect(single.json["name"]?.stringValue == artist.name)
        #expect(keys(single.json["followers"]) == ["total"])
        let several = body(world, spotifyGET("/v1/artists", [("ids", "\(artist.spotifyID),\(catalogue.artist(9).spotifyID),0000000000000000000000")]))
        let list = try #require(several.json["artists"]?.arrayValue)
        #expect(list.count == 3)
        #expect(list[2] == .null)
        let albums = body(world, spotifyGET("/v1/artists/\(artist.spotifyID)/albums", [("market", "US"), ("limit", "10"), ("include_groups", "album,single")]))
        #expect(keys(albums.json) == ["items", "limit", "next", "offset", "previous", "total"])
        let album = try #require(albums.json["items"]?.arrayValue?.first)
        #expect(keys(album) == ["album_type", "id", "name", "release_date", "total_tracks", "uri"])
        let albumID = try #require(album["id"]?.stringValue)
        let albumTracks = body(world, spotifyGET("/v1/albums/\(albumID)/tracks", [("limit", "50")]))
        let simplified = try #require(albumTracks.json["items"]?.arrayValue?.first)
        #expect(keys(simplified) == ["artists", "duration_ms", "explicit", "id", "name", "track_number", "uri"])
        let trackID = try #require(simplified["id"]?.stringValue)
        let track = body(world, spotifyGET("/v1/tracks/\(trackID)"))
        #expect(track.json["id"]?.stringValue == trackID)
        #expect(track.json["popularity"]?.intValue != nil)
        let tracks = body(world, spotifyGET("/v1/tracks", [("ids", trackID)]))
        #expect(tracks.json["tracks"]?.arrayValue?.count == 1)
    }

    @Test func userTopItemsArePagedLists() throws {
        let tracks = body(world, spotifyGET("/v1/me/top/tracks", [("limit", "20"), ("time_range", "medium_term")]))
        #expect(keys(tracks.json) == ["items", "limit", "next", "offset", "previous", "total"])
        #expect(tracks.json["items"]?.arrayValue?.count == 20)
        let artists = body(world, spotifyGET("/v1/me/top/artists", [("limit", "15"), ("time_range", "medium_term")]))
        #expect(artists.json["items"]?.arrayValue?.count == 15)
        #expect(artists.json["total"]?.intValue == 50)
    }

    @Test(arguments: [
        ("/v1/search", [("type", "track")]),
        ("/v1/search", [("q", "x"), ("type", "bogus")]),
        ("/v1/search", [("q", "x"), ("type", "track"), ("limit", "51")]),
        ("/v1/me/top/tracks", [("time_range", "yesterday")]),
        ("/v1/artists/not-an-id/top-tracks", []),
        ("/v1/artists", []),
    ])
    func badParametersAnswer400(path: String, query: [(String, String)]) {
        let reply = body(world, spotifyGET(path, query))
        #expect(reply.status == 400)
        #expect(keys(reply.json["error"]) == ["message", "status"])
    }

    @Test func unknownIDsAndPathsAnswer404() {
        #expect(body(world, spotifyGET("/v1/artists/0000000000000000000000/top-tracks")).status == 404)
        #expect(body(world, spotifyGET("/v1/playlists")).status == 404)
        #expect(body(world, spotifyGET("/v2/search")).status == 404)
    }

    @Test func everyBodyHasSortedKeys() {
        let artist = catalogue.artist(4)
        let requests = [
            spotifyGET("/v1/search", [("q", "genre:\(artist.genres[0])"), ("type", "artist,track")]),
            spotifyGET("/v1/artists/\(artist.spotifyID)/top-tracks"),
            spotifyGET("/v1/artists/\(artist.spotifyID)/albums"),
            spotifyGET("/v1/me/top/artists"),
            spotifyGET("/v1/me"),
        ]
        for request in requests {
            let reply = body(world, request)
            #expect(reply.status == 200)
            #expect(unsortedKey(in: reply.json) == nil, "\(request.pathAndQuery)")
        }
    }
}
