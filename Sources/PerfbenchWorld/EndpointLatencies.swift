/// One ``LatencyModel`` per endpoint: a plain field each, so a profile reads as a table.
public struct EndpointLatencies: Sendable, Hashable {
    /// `GET /v1/search` (artist and track searches alike).
    public var spotifySearch: LatencyModel
    /// `GET /v1/artists/{id}/top-tracks`.
    public var spotifyArtistTopTracks: LatencyModel
    /// `GET /v1/artists/{id}`.
    public var spotifyArtist: LatencyModel
    /// `GET /v1/artists?ids=` (plus ``LatencyModel/perItem`` per id).
    public var spotifyArtists: LatencyModel
    /// `GET /v1/artists/{id}/albums`.
    public var spotifyArtistAlbums: LatencyModel
    /// `GET /v1/albums/{id}/tracks`.
    public var spotifyAlbumTracks: LatencyModel
    /// `GET /v1/tracks/{id}`.
    public var spotifyTrack: LatencyModel
    /// `GET /v1/tracks?ids=`.
    public var spotifyTracks: LatencyModel
    /// `GET /v1/me/top/tracks`.
    public var spotifyMeTop: LatencyModel
    /// `GET /v1/me/top/artists`: its own model because the 2025-11-07 log shows the two calls
    /// apart (top tracks 0.46 s, top artists 6.35 s).
    public var spotifyMeTopArtists: LatencyModel
    /// `GET /v1/me` and the playlist writes.
    public var spotifyOther: LatencyModel
    /// `GET /v1/track/recommendation`.
    public var reccoBeatsRecommendation: LatencyModel
    /// `GET /v1/track?ids=` (plus per id).
    public var reccoBeatsTracks: LatencyModel
    /// `GET /v1/track/{id}/audio-features`.
    public var reccoBeatsAudioFeatures: LatencyModel
    /// `GET /v1/audio-features?ids=` (plus per id).
    public var reccoBeatsAudioFeaturesBatch: LatencyModel
    /// `GET /v1/artist/search` and `GET /v1/artist/{id}/track`.
    public var reccoBeatsArtists: LatencyModel
    /// Answers that do no work: 429s, 404s of unknown paths, 400s.
    public var rejection: LatencyModel

    /// The 2025-11-07 log's typical day (PIPELINE.md §8): Spotify searches ≈ 0.5 s, top tracks
    /// ≈ 0.26 s with a rare 6 s call, `/me/top` once 6.35 s, ReccoBeats `/v1/track` ≈ 0.11 s
    /// with 1.8 s and 6.2 s outliers, audio features ≈ 0.085 s.
    public init(
        spotifySearch: LatencyModel = LatencyModel(
            median: 0.50, sigma: 0.22, tailProbability: 0.02, tailMinimum: 1.5, tailAlpha: 1.6, maximum: 30),
        spotifyArtistTopTracks: LatencyModel = LatencyModel(
            median: 0.26, sigma: 0.2, tailProbability: 0.02, tailMinimum: 2, tailAlpha: 1.3, maximum: 30),
        spotifyArtist: LatencyModel = LatencyModel(median: 0.2, sigma: 0.25, tailProbability: 0.01, tailMinimum: 1.5),
        spotifyArtists: LatencyModel = LatencyModel(
            median: 0.22, sigma: 0.25, perItem: 0.003, tailProbability: 0.01, tailMinimum: 1.5),
        spotifyArtistAlbums: LatencyModel = LatencyModel(
            median: 0.28, sigma: 0.22, tailProbability: 0.01, tailMinimum: 1.5),
        spotifyAlbumTracks: LatencyModel = LatencyModel(
            median: 0.22, sigma: 0.25, tailProbability: 0.01, tailMinimum: 1.5),
        spotifyTrack: LatencyModel = LatencyModel(median: 0.18, sigma: 0.25, tailProbability: 0.01, tailMinimum: 1.5),
        spotifyTracks: LatencyModel = LatencyModel(
            median: 0.22, sigma: 0.25, perItem: 0.003, tailProbability: 0.01, tailMinimum: 1.5),
        spotifyMeTop: LatencyModel = LatencyModel(
            median: 0.45, sigma: 0.2, tailProbability: 0.1, tailMinimum: 3, tailAlpha: 1.2, maximum: 30),
        spotifyMeTopArtists: LatencyModel = LatencyModel(
            median: 0.45, sigma: 0.2, tailProbability: 0.1, tailMinimum: 3, tailAlpha: 1.2, maximum: 30),
        spotifyOther: LatencyModel = LatencyModel(median: 0.3, sigma: 0.25),
        reccoBeatsRecommendation: LatencyModel = LatencyModel(
            median: 0.55, sigma: 0.3, tailProbability: 0.02, tailMinimum: 2, tailAlpha: 1.2, maximum: 140),
        reccoBeatsTracks: LatencyModel = LatencyModel(
            median: 0.1, sigma: 0.3, perItem: 0.002, tailProbability: 0.03, tailMinimum: 1.5,
            tailAlpha: 1.1, maximum: 140),
        reccoBeatsAudioFeatures: LatencyModel = LatencyModel(
            median: 0.085, sigma: 0.25, tailProbability: 0.005, tailMinimum: 1, tailAlpha: 1.3, maximum: 140),
        reccoBeatsAudioFeaturesBatch: LatencyModel = LatencyModel(
            median: 0.12, sigma: 0.25, perItem: 0.002, tailProbability: 0.01, tailMinimum: 1.5, maximum: 140),
        reccoBeatsArtists: LatencyModel = LatencyModel(
            median: 0.3, sigma: 0.25, tailProbability: 0.01, tailMinimum: 1.5, maximum: 140),
        rejection: LatencyModel = LatencyModel(median: 0.04, sigma: 0.3, maximum: 2)
    ) {
        self.spotifySearch = spotifySearch
        self.spotifyArtistTopTracks = spotifyArtistTopTracks
        self.spotifyArtist = spotifyArtist
        self.spotifyArtists = spotifyArtists
        self.spotifyArtistAlbums = spotifyArtistAlbums
        self.spotifyAlbumTracks = spotifyAlbumTracks
        self.spotifyTrack = spotifyTrack
        self.spotifyTracks = spotifyTracks
        self.spotifyMeTop = spotifyMeTop
        self.spotifyMeTopArtists = spotifyMeTopArtists
        self.spotifyOther = spotifyOther
        self.reccoBeatsRecommendation = reccoBeatsRecommendation
        self.reccoBeatsTracks = reccoBeatsTracks
        self.reccoBeatsAudioFeatures = reccoBeatsAudioFeatures
        self.reccoBeatsAudioFeaturesBatch = reccoBeatsAudioFeaturesBatch
        self.reccoBeatsArtists = reccoBeatsArtists
        self.rejection = rejection
    }

    /// The model of `endpoint` (the LLM has its own, ``LLMLatency``).
    public subscript(endpoint: WorldEndpoint) -> LatencyModel {
        get {
            switch endpoint {
            case .spotifySearch: return spotifySearch
            case .spotifyArtistTopTracks: return spotifyArtistTopTracks
            case .spotifyArtist: return spotifyArtist
            case .spotifyArtists: return spotifyArtists
            case .spotifyArtistAlbums: return spotifyArtistAlbums
            case .spotifyAlbumTracks: return spotifyAlbumTracks
            case .spotifyTrack: return spotifyTrack
            case .spotifyTracks: return spotifyTracks
            case .spotifyMeTopTracks: return spotifyMeTop
            case .spotifyMeTopArtists: return spotifyMeTopArtists
            case .spotifyMe, .spotifyCreatePlaylist, .spotifyAddPlaylistTracks: return spotifyOther
            case .reccoBeatsRecommendation: return reccoBeatsRecommendation
            case .reccoBeatsTracks: return reccoBeatsTracks
            case .reccoBeatsAudioFeatures: return reccoBeatsAudioFeatures
            case .reccoBeatsAudioFeaturesBatch: return reccoBeatsAudioFeaturesBatch
            case .reccoBeatsArtistSearch, .reccoBeatsArtistTracks: return reccoBeatsArtists
            case .llmChatCompletions, .unknown: return rejection
            }
        }
        set {
            switch endpoint {
            case .spotifySearch: spotifySearch = newValue
            case .spotifyArtistTopTracks: spotifyArtistTopTracks = newValue
            case .spotifyArtist: spotifyArtist = newValue
            case .spotifyArtists: spotifyArtists = newValue
            case .spotifyArtistAlbums: spotifyArtistAlbums = newValue
            case .spotifyAlbumTracks: spotifyAlbumTracks = newValue
            case .spotifyTrack: spotifyTrack = newValue
            case .spotifyTracks: spotifyTracks = newValue
            case .spotifyMeTopTracks: spotifyMeTop = newValue
            case .spotifyMeTopArtists: spotifyMeTopArtists = newValue
            case .spotifyMe, .spotifyCreatePlaylist, .spotifyAddPlaylistTracks: spotifyOther = newValue
            case .reccoBeatsRecommendation: reccoBeatsRecommendation = newValue
            case .reccoBeatsTracks: reccoBeatsTracks = newValue
            case .reccoBeatsAudioFeatures: reccoBeatsAudioFeatures = newValue
            case .reccoBeatsAudioFeaturesBatch: reccoBeatsAudioFeaturesBatch = newValue
            case .reccoBeatsArtistSearch, .reccoBeatsArtistTracks: reccoBeatsArtists = newValue
            case .llmChatCompletions, .unknown: rejection = newValue
            }
        }
    }

    /// Every ReccoBeats model at once (profiles for ReccoBeats' good and bad days).
    public mutating func updateReccoBeats(_ change: (inout LatencyModel) -> Void) {
        change(&reccoBeatsRecommendation)
        change(&reccoBeatsTracks)
        change(&reccoBeatsAudioFeatures)
        change(&reccoBeatsAudioFeaturesBatch)
        change(&reccoBeatsArtists)
    }

    /// Every Spotify model at once.
    public mutating func updateSpotify(_ change: (inout LatencyModel) -> Void) {
        change(&spotifySearch)
        change(&spotifyArtistTopTracks)
        change(&spotifyArtist)
        change(&spotifyArtists)
        change(&spotifyArtistAlbums)
        change(&spotifyAlbumTracks)
        change(&spotifyTrack)
        change(&spotifyTracks)
        change(&spotifyMeTop)
        change(&spotifyMeTopArtists)
        change(&spotifyOther)
    }
}
