import PerfbenchPipeline
import PerfbenchRecording

/// The simulated Spotify Web API: real paths, parameters, limits and JSON shapes (APIS.md).
struct SpotifyAPI {
    let catalogue: Catalogue
    /// At most this many albums per artist in artist-album pages (nil: all; see
    /// ``WorldProfile/listedAlbumsPerArtist``).
    var listedAlbumsPerArtist: Int?

    func reply(to request: HTTPRequest, route: Route) throws -> WorldReply {
        let query = QueryReader(items: request.query)
        switch route.endpoint {
        case .spotifySearch: return try search(query)
        case .spotifyArtistTopTracks: return try topTracks(route.pathID)
        case .spotifyArtist: return try single(route.pathID, kind: .artist)
        case .spotifyTrack: return try single(route.pathID, kind: .track)
        case .spotifyArtists: return try several(query, kind: .artist)
        case .spotifyTracks: return try several(query, kind: .track)
        case .spotifyArtistAlbums: return try albums(route.pathID, query)
        case .spotifyAlbumTracks: return try albumTracks(route.pathID, query)
        case .spotifyMeTopTracks: return try meTop(query, tracks: true)
        case .spotifyMeTopArtists: return try meTop(query, tracks: false)
        case .spotifyMe: return me()
        case .spotifyCreatePlaylist: return try createPlaylist(request)
        case .spotifyAddPlaylistTracks: return try addTracks(request, playlist: route.pathID)
        default: return .error(.spotify, status: 404, message: "Service not found")
        }
    }

    // MARK: Search

    private func search(_ query: QueryReader) throws -> WorldReply {
        guard let text = query.string("q"), !text.trimmingSpaces.isEmpty else {
            throw BadRequest(message: "No search query")
        }
        guard let typeText = query.string("type") else { throw BadRequest(message: "Missing parameter type") }
        let types = typeText.split(separator: ",").map { $0.trimmingCharacters(in: " ") }
        let known: Set<Substring> = ["album", "artist", "playlist", "track", "show", "episode", "audiobook"]
        guard !types.isEmpty, types.allSatisfy(known.contains) else {
            throw BadRequest(message: "Bad search type field")
        }
        let limit = try query.int("limit", default: 20, in: 0...50)
        let offset = try query.int("offset", default: 0, in: 0...1000)
        let parsed = SearchQuery(text)
        var json = JSONWriter(capacity: 1024 + limit * 600)
        var items = 0
        json.beginObject()
        // Keys in sorted order: albums, artists, …, tracks. Only artists and tracks have content.
        for type in types.sorted() {
            let page: (items: [Int], total: Int)
            let window = offset + limit
            switch type {
            case "artist":
                switch parsed {
                case .genre(let genre):
                    let all = catalogue.artistIndices(inGenre: genre)
                    page = (Array(all.prefix(window)), all.count)
                case .artist(let name), .text(let name): page = catalogue.textArtists(name, limit: window)
                case .trackByArtist(_, let name): page = catalogue.artistMatches(name, limit: window)
                }
            case "track":
                switch parsed {
                case .genre(let genre):
                    if let index = GenreTable.indexByName[genre.lowercased()] {
                        page = catalogue.genreTracks(index, limit: window)
                    } else {
                        page = ([], 0)
                    }
                case .artist(let name): page = catalogue.artistTracks(name, limit: window)
                case .trackByArtist(let title, let name):
                    page = catalogue.trackMatches(title: title, artist: name, limit: window)
                case .text(let text): page = catalogue.textTracks(text, limit: window)
                }
            default:
                page = ([], 0)
            }
            let slice = Array(page.items.dropFirst(offset).prefix(limit))
            items += slice.count
            writeKey(type, into: &json)
            writePaging(
                slice, total: page.total, limit: limit, offset: offset,
                next: nextSearchURL(text, type: type, offset: offset, limit: limit, total: page.total),
                previous: nil, includePrevious: false, into: &json
            ) { index, json in
                if type == "artist" { catalogue.writeSpotifyArtist(index, into: &json) }
                if type == "track" { catalogue.writeSpotifyTrack(index, into: &json) }
            }
        }
        json.endObject()
        return .json(json, items: items)
    }

    private func writeKey(_ type: Substring, into json: inout JSONWriter) {
        switch type {
        case "album": json.key("albums")
        case "artist": json.key("artists")
        case "playlist": json.key("playlists")
        case "track": json.key("tracks")
        case "show": json.key("shows")
        case "episode": json.key("episodes")
        default: json.key("audiobooks")
        }
    }

    private func nextSearchURL(_ text: String, type: Substring, offset: Int, limit: Int, total: Int) -> String? {
        guard offset + limit < min(total, 1000), limit > 0 else { return nil }
        let query = HTTPRequest.percentEncode(text)
        return "https://api.spotify.com/v1/search?query=\(query)&type=\(type)&offset=\(offset + limit)&limit=\(limit)"
    }

    /// `{items, limit, next, offset, previous?, total}` (keys sorted).
    private func writePaging(
        _ items: [Int], total: Int, limit: Int, offset: Int, next: String?, previous: String?,
        includePrevious: Bool, into json: inout JSONWriter, item: (Int, inout JSONWriter) -> Void
    ) {
        json.beginObject()
        json.key("items")
        json.beginArray()
        for index in items { item(index, &json) }
        json.endArray()
        json.key("limit")
        json.int(limit)
        json.key("next")
        if let next { json.string(next) } else { json.null() }
        json.key("offset")
        json.int(offset)
        if includePrevious {
            json.key("previous")
            if let previous { json.string(previous) } else { json.null() }
        }
        json.key("total")
        json.int(total)
        json.endObject()
    }

    // MARK: Artists, albums, tracks

    private func index(_ id: Substring?, kind: EntityKind) throws -> Int? {
        guard let id, id.utf8.count == 22, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw BadRequest(message: "Invalid base62 id")
        }
        return catalogue.entityIndex(id, kind: kind)
    }

    private func topTracks(_ id: Substring?) throws -> WorldReply {
        guard let artist = try index(id, kind: .artist) else {
            return .error(.spotify, status: 404, message: "Resource not found")
        }
        let record = catalogue.artists[artist]
        var json = JSONWriter(capacity: 6000)
        json.beginObject()
        json.key("tracks")
        json.beginArray()
        let range = record.emptyTopTracks ? 0..<0 : record.trackRange.prefix(10)
        for track in range { catalogue.writeSpotifyTrack(track, into: &json) }
        json.endArray()
        json.endObject()
        return .json(json, items: range.count)
    }

    private func single(_ id: Substring?, kind: EntityKind) throws -> WorldReply {
        guard let found = try index(id, kind: kind) else {
            return .error(.spotify, status: 404, message: "Resource not found")
        }
        var json = JSONWriter(capacity: 700)
        if kind == .artist {
            catalogue.writeSpotifyArtist(found, into: &json)
        } else {
            catalogue.writeSpotifyTrack(found, into: &json)
        }
        return .json(json, items: 1)
    }

    private func several(_ query: QueryReader, kind: EntityKind) throws -> WorldReply {
        let ids = query.list("ids")
        guard !ids.isEmpty else { throw BadRequest(message: "Missing parameter ids") }
        guard ids.count <= 50 else { throw BadRequest(message: "Too many ids requested") }
        var json = JSONWriter(capacity: 700 * ids.count)
        json.beginObject()
        json.key(kind == .artist ? "artists" : "tracks")
        json.beginArray()
        for id in ids {
            // Unknown ids come back as null in place, as the real API does.
            if let found = catalogue.entityIndex(id, kind: kind) {
                if kind == .artist {
                    catalogue.writeSpotifyArtist(found, into: &json)
                } else {
                    catalogue.writeSpotifyTrack(found, into: &json)
                }
            } else {
                json.null()
            }
        }
        json.endArray()
        json.endObject()
        return .json(json, items: ids.count)
    }

    private func albums(_ id: Substring?, _ query: QueryReader) throws -> WorldReply {
        let limit = try query.int("limit", default: 20, in: 1...50)
        let offset = try query.int("offset", default: 0, in: 0...10_000)
        guard let artist = try index(id, kind: .artist) else {
            return .error(.spotify, status: 404, message: "Resource not found")
        }
        let all = Array(catalogue.artists[artist].albumRange.prefix(listedAlbumsPerArtist ?? Int.max))
        let slice = Array(all.dropFirst(offset).prefix(limit))
        var json = JSONWriter(capacity: 300 * slice.count + 200)
        writePaging(
            slice, total: all.count, limit: limit, offset: offset, next: nil, previous: nil,
            includePrevious: true, into: &json
        ) { index, json in catalogue.writeSpotifyAlbum(index, into: &json) }
        return .json(json, items: slice.count)
    }

    private func albumTracks(_ id: Substring?, _ query: QueryReader) throws -> WorldReply {
        let limit = try query.int("limit", default: 20, in: 1...50)
        let offset = try query.int("offset", default: 0, in: 0...10_000)
        guard let album = try index(id, kind: .album) else {
            return .error(.spotify, status: 404, message: "Resource not found")
        }
        let all = catalogue.albumTrackIndices(album)
        let slice = Array(all.dropFirst(offset).prefix(limit))
        var json = JSONWriter(capacity: 500 * slice.count + 200)
        writePaging(
            slice, total: all.count, limit: limit, offset: offset, next: nil, previous: nil,
            includePrevious: true, into: &json
        ) { index, json in catalogue.writeSpotifySimplifiedTrack(index, into: &json) }
        return .json(json, items: slice.count)
    }

    // MARK: The user

    private func meTop(_ query: QueryReader, tracks: Bool) throws -> WorldReply {
        let limit = try query.int("limit", default: 20, in: 1...50)
        let offset = try query.int("offset", default: 0, in: 0...49)
        let rotation: Int
        switch query.string("time_range") ?? "medium_term" {
        case "short_term": rotation = 7
        case "medium_term": rotation = 0
        case "long_term": rotation = 13
        default: throw BadRequest(message: "Invalid time_range")
        }
        var list = tracks ? catalogue.topTracks : catalogue.topArtists
        // Other time ranges reorder the same favourites rather than invent new ones.
        if rotation > 0, !list.isEmpty {
            let shift = rotation % list.count
            list = Array(list[shift...] + list[..<shift])
        }
        let slice = list.dropFirst(offset).prefix(limit).map(Int.init)
        let kind = tracks ? "tracks" : "artists"
        let next = offset + limit < list.count
            ? "https://api.spotify.com/v1/me/top/\(kind)?limit=\(limit)&offset=\(offset + limit)" : nil
        let previous = offset > 0
            ? "https://api.spotify.com/v1/me/top/\(kind)?limit=\(limit)&offset=\(max(0, offset - limit))" : nil
        var json = JSONWriter(capacity: 700 * slice.count + 300)
        writePaging(
            slice, total: list.count, limit: limit, offset: offset, next: next, previous: previous,
            includePrevious: true, into: &json
        ) { index, json in
            if tracks {
                catalogue.writeSpotifyTrack(index, into: &json)
            } else {
                catalogue.writeSpotifyArtist(index, into: &json)
            }
        }
        return .json(json, items: slice.count)
    }

    private func me() -> WorldReply {
        var json = JSONWriter(capacity: 200)
        json.beginObject()
        json.key("country")
        json.string("US")
        json.key("display_name")
        json.string("Perfbench Listener")
        json.key("id")
        json.string("perfbench-user")
        json.key("product")
        json.string("premium")
        json.key("uri")
        json.string("spotify:user:perfbench-user")
        json.endObject()
        return .json(json, items: 1)
    }

    private func createPlaylist(_ request: HTTPRequest) throws -> WorldReply {
        guard let body = request.body, let value = try? JSONValue.parse(body),
            let name = value["name"]?.stringValue, !name.isEmpty
        else { throw BadRequest(message: "Missing required field: name") }
        // An id past the album range: Spotify-shaped, stable per body, and never a catalogue album.
        let id = catalogue.codec.spotifyID(.album, Int(StableHasher.hash(body) % 1_000_000) + 1_000_000)
        var json = JSONWriter(capacity: 300)
        json.beginObject()
        json.key("id")
        json.string(id)
        json.key("name")
        json.string(name)
        json.key("public")
        json.bool(value["public"]?.boolValue ?? false)
        json.key("uri")
        json.string("spotify:playlist:", id)
        json.endObject()
        return .json(json, status: 201, items: 1)
    }

    private func addTracks(_ request: HTTPRequest, playlist: Substring?) throws -> WorldReply {
        let uris = request.body.flatMap { try? JSONValue.parse($0) }?["uris"]?.arrayValue ?? []
        guard !uris.isEmpty else { throw BadRequest(message: "Missing required field: uris") }
        guard uris.count <= 100 else { throw BadRequest(message: "Too many uris (max 100)") }
        var json = JSONWriter(capacity: 80)
        json.beginObject()
        json.key("snapshot_id")
        json.string(String(StableHasher.hash((request.body ?? "") + String(playlist ?? "")), radix: 36))
        json.endObject()
        return .json(json, status: 201, items: uris.count)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> Substring {
        var view = self
        while view.first == character { view = view.dropFirst() }
        while view.last == character { view = view.dropLast() }
        return view
    }
}
