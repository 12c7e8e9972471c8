import PerfbenchRecording

/// The Spotify Web API calls the workflow makes, with the backend's fallbacks.
struct SpotifyClient: Sendable {
    let caller: ToolCaller
    var tools: ToolCatalogue { caller.session.tools }

    /// Markets tried after `US` when an artist's top tracks come back empty or failed.
    static let fallbackMarkets = ["GB", "CA", "AU", "DE", "FR", "ES", "JP", "BR"]

    func searchTracks(_ query: String, limit: Int) async throws -> [Track] {
        let request = HTTPRequest(
            service: .spotify, path: "/v1/search",
            query: [.init("q", query), .init("type", "track"), .init("limit", String(limit))],
            tool: tools.searchTracks.name)
        return try await caller.call(tools.searchTracks, request).decoded("search.tracks") { json in
            (json?["tracks"]?["items"]?.arrayValue ?? []).compactMap { TrackDecoding.spotifyTrack($0, source: .spotify) }
        }
    }

    func searchArtists(_ query: String, limit: Int) async throws -> [Artist] {
        let request = HTTPRequest(
            service: .spotify, path: "/v1/search",
            query: [.init("q", query), .init("type", "artist"), .init("limit", String(limit))],
            tool: tools.searchArtists.name)
        return try await caller.call(tools.searchArtists, request).decoded("search.artists") { json in
            (json?["artists"]?["items"]?.arrayValue ?? []).compactMap(TrackDecoding.spotifyArtist)
        }
    }

    /// Top tracks in `US`, then the fallback markets, then the artist and a search by name.
    func topTracks(of artist: Artist) async throws -> [Track] {
        for market in ["US"] + Self.fallbackMarkets {
            let request = HTTPRequest(
                service: .spotify, path: "/v1/artists/\(artist.id)/top-tracks",
                query: [.init("market", market)], tool: tools.artistTopTracks.name)
            let outcome = try await caller.call(tools.artistTopTracks, request)
            let tracks = outcome.decoded("top-tracks") { json in
                (json?["tracks"]?.arrayValue ?? []).compactMap { TrackDecoding.spotifyTrack($0, source: .artist) }
            }
            if !tracks.isEmpty { return tracks }
        }
        let artistRequest = HTTPRequest(
            service: .spotify, path: "/v1/artists/\(artist.id)", tool: tools.artist.name)
        let named = try await caller.call(tools.artist, artistRequest).decoded("artist") { json in
            json.flatMap(TrackDecoding.spotifyArtist)
        }
        return try await searchTracks("artist:\(named?.name ?? artist.name)", limit: 20)
    }

    func albums(of artistID: String) async throws -> [Album] {
        let request = HTTPRequest(
            service: .spotify, path: "/v1/artists/\(artistID)/albums",
            query: [.init("market", "US"), .init("limit", "10"), .init("include_groups", "album,single")],
            tool: tools.artistAlbums.name)
        return try await caller.call(tools.artistAlbums, request).decoded("albums") { json in
            (json?["items"]?.arrayValue ?? []).compactMap { item in
                guard let id = item["id"]?.stringValue else { return nil }
                return Album(id: id, name: item["name"]?.stringValue ?? "")
            }
        }
    }

    func tracks(ofAlbum albumID: String) async throws -> [Track] {
        let request = HTTPRequest(
            service: .spotify, path: "/v1/albums/\(albumID)/tracks", query: [.init("limit", "50")],
            tool: tools.albumTracks.name)
        return try await caller.call(tools.albumTracks, request).decoded("album.tracks") { json in
            (json?["items"]?.arrayValue ?? []).compactMap { TrackDecoding.spotifyTrack($0, source: .artist) }
        }
    }

    func track(_ id: String) async throws -> Track? {
        let request = HTTPRequest(service: .spotify, path: "/v1/tracks/\(id)", tool: tools.track.name)
        return try await caller.call(tools.track, request).decoded("track") { json in
            json.flatMap { TrackDecoding.spotifyTrack($0, source: .artist) }
        }
    }

    func userTopTracks() async throws -> [Track] {
        let request = HTTPRequest(
            service: .spotify, path: "/v1/me/top/tracks",
            query: [.init("limit", "20"), .init("time_range", "medium_term")],
            tool: tools.userTopTracks.name)
        return try await caller.call(tools.userTopTracks, request).decoded("me.top-tracks") { json in
            (json?["items"]?.arrayValue ?? []).compactMap { TrackDecoding.spotifyTrack($0, source: .spotify) }
        }
    }

    func userTopArtists() async throws -> [Artist] {
        let request = HTTPRequest(
            service: .spotify, path: "/v1/me/top/artists",
            query: [.init("limit", "15"), .init("time_range", "medium_term")],
            tool: tools.userTopArtists.name)
        return try await caller.call(tools.userTopArtists, request).decoded("me.top-artists") { json in
            (json?["items"]?.arrayValue ?? []).compactMap(TrackDecoding.spotifyArtist)
        }
    }
}
