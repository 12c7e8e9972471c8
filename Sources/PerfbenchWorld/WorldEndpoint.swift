import PerfbenchPipeline
import PerfbenchRecording

/// Every endpoint the simulated world answers; latency and limits are set per endpoint.
public enum WorldEndpoint: String, Sendable, Hashable, CaseIterable {
    case spotifySearch = "spotify GET /v1/search"
    case spotifyArtistTopTracks = "spotify GET /v1/artists/{id}/top-tracks"
    case spotifyArtist = "spotify GET /v1/artists/{id}"
    case spotifyArtists = "spotify GET /v1/artists"
    case spotifyArtistAlbums = "spotify GET /v1/artists/{id}/albums"
    case spotifyAlbumTracks = "spotify GET /v1/albums/{id}/tracks"
    case spotifyTrack = "spotify GET /v1/tracks/{id}"
    case spotifyTracks = "spotify GET /v1/tracks"
    case spotifyMeTopTracks = "spotify GET /v1/me/top/tracks"
    case spotifyMeTopArtists = "spotify GET /v1/me/top/artists"
    case spotifyMe = "spotify GET /v1/me"
    case spotifyCreatePlaylist = "spotify POST /v1/users/{id}/playlists"
    case spotifyAddPlaylistTracks = "spotify POST /v1/playlists/{id}/tracks"
    case reccoBeatsRecommendation = "reccobeats GET /v1/track/recommendation"
    case reccoBeatsTracks = "reccobeats GET /v1/track"
    case reccoBeatsAudioFeatures = "reccobeats GET /v1/track/{id}/audio-features"
    case reccoBeatsAudioFeaturesBatch = "reccobeats GET /v1/audio-features"
    case reccoBeatsArtistSearch = "reccobeats GET /v1/artist/search"
    case reccoBeatsArtistTracks = "reccobeats GET /v1/artist/{id}/track"
    case llmChatCompletions = "llm POST /v1/chat/completions"
    /// Any path the world does not know (answered 404).
    case unknown = "unknown"

    /// The service the endpoint belongs to.
    public var service: Service {
        switch self {
        case .reccoBeatsRecommendation, .reccoBeatsTracks, .reccoBeatsAudioFeatures,
            .reccoBeatsAudioFeaturesBatch, .reccoBeatsArtistSearch, .reccoBeatsArtistTracks:
            return .reccobeats
        case .llmChatCompletions: return .llm
        case .unknown: return .other
        default: return .spotify
        }
    }

    /// The HTTP method the endpoint takes.
    public var method: String {
        switch self {
        case .spotifyCreatePlaylist, .spotifyAddPlaylistTracks, .llmChatCompletions: return "POST"
        default: return "GET"
        }
    }

    /// The ReccoBeats per-minute limit family the endpoint counts against.
    var reccoBeatsFamily: ReccoBeatsFamily? {
        switch self {
        case .reccoBeatsRecommendation: return .recommendation
        case .reccoBeatsTracks: return .tracks
        case .reccoBeatsAudioFeatures, .reccoBeatsAudioFeaturesBatch: return .audioFeatures
        case .reccoBeatsArtistSearch, .reccoBeatsArtistTracks: return .artists
        default: return nil
        }
    }
}

/// A request matched to an endpoint, with the id taken from its path.
struct Route {
    var endpoint: WorldEndpoint
    var pathID: Substring?
    /// False when the path exists but takes another method (answered 405).
    var methodMatches: Bool

    init(_ request: HTTPRequest) {
        let path = Substring(request.path)
        let segments = path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        let (endpoint, pathID) = Self.match(service: request.service, path: request.path, segments)
        self.endpoint = endpoint
        self.pathID = pathID
        methodMatches = endpoint == .unknown || request.method.uppercased() == endpoint.method
    }

    private static func match(
        service: Service, path: String, _ parts: [Substring]
    ) -> (WorldEndpoint, Substring?) {
        if path.hasSuffix("/chat/completions") { return (.llmChatCompletions, nil) }
        guard parts.first == "v1" else { return (.unknown, nil) }
        let rest = Array(parts.dropFirst())
        switch service {
        case .spotify: return spotify(rest)
        case .reccobeats: return reccoBeats(rest)
        case .llm, .other: return (.unknown, nil)
        }
    }

    private static func spotify(_ parts: [Substring]) -> (WorldEndpoint, Substring?) {
        switch parts.count {
        case 1:
            switch parts[0] {
            case "search": return (.spotifySearch, nil)
            case "artists": return (.spotifyArtists, nil)
            case "tracks": return (.spotifyTracks, nil)
            case "me": return (.spotifyMe, nil)
            default: return (.unknown, nil)
            }
        case 2:
            if parts[0] == "artists" { return (.spotifyArtist, parts[1]) }
            if parts[0] == "tracks" { return (.spotifyTrack, parts[1]) }
            return (.unknown, nil)
        case 3:
            switch (parts[0], parts[2]) {
            case ("artists", "top-tracks"): return (.spotifyArtistTopTracks, parts[1])
            case ("artists", "albums"): return (.spotifyArtistAlbums, parts[1])
            case ("albums", "tracks"): return (.spotifyAlbumTracks, parts[1])
            case ("users", "playlists"): return (.spotifyCreatePlaylist, parts[1])
            case ("playlists", "tracks"): return (.spotifyAddPlaylistTracks, parts[1])
            default:
                if parts[0] == "me", parts[1] == "top" {
                    if parts[2] == "tracks" { return (.spotifyMeTopTracks, nil) }
                    if parts[2] == "artists" { return (.spotifyMeTopArtists, nil) }
                }
                return (.unknown, nil)
            }
        default:
            return (.unknown, nil)
        }
    }

    private static func reccoBeats(_ parts: [Substring]) -> (WorldEndpoint, Substring?) {
        switch parts.count {
        case 1:
            if parts[0] == "track" { return (.reccoBeatsTracks, nil) }
            if parts[0] == "audio-features" { return (.reccoBeatsAudioFeaturesBatch, nil) }
            return (.unknown, nil)
        case 2:
            if parts[0] == "track", parts[1] == "recommendation" { return (.reccoBeatsRecommendation, nil) }
            if parts[0] == "artist", parts[1] == "search" { return (.reccoBeatsArtistSearch, nil) }
            return (.unknown, nil)
        case 3:
            if parts[0] == "track", parts[2] == "audio-features" { return (.reccoBeatsAudioFeatures, parts[1]) }
            if parts[0] == "artist", parts[2] == "track" { return (.reccoBeatsArtistTracks, parts[1]) }
            return (.unknown, nil)
        default:
            return (.unknown, nil)
        }
    }
}
