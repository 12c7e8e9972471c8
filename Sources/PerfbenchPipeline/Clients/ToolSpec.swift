import PerfbenchRecording

/// A backend tool: its upstream, client-side limits, timeout and cache (PIPELINE.md §4–5).
public struct ToolSpec: Sendable, Hashable {
    public var name: String
    public var service: Service
    /// Requests per calendar minute, or nil for no window limiter.
    public var perMinute: Int?
    public var minInterval: Duration
    public var timeout: Duration
    /// How long answers stay cached, or nil when the tool is not cached.
    public var cacheTTL: Duration?
    /// The tool instance whose window limiter this tool's calls count against (itself unless
    /// the backend routes the call through another tool).
    public var limiterName: String
    /// A timed-out call is abandoned, not retried (plan 5.2, request cancellation).
    public var failsFastOnTimeout = false

    public init(
        name: String, service: Service, perMinute: Int?, minInterval: Duration = .zero,
        timeout: Duration = .seconds(30), cacheTTL: Duration? = nil
    ) {
        self.name = name
        self.service = service
        self.perMinute = perMinute
        self.minInterval = minInterval
        self.timeout = timeout
        self.cacheTTL = cacheTTL
        limiterName = name
    }
}

/// The tools the workflow uses, with their limits under a configuration.
public struct ToolCatalogue: Sendable {
    public var searchTracks: ToolSpec
    public var searchArtists: ToolSpec
    public var artistTopTracks: ToolSpec
    public var artist: ToolSpec
    public var artistAlbums: ToolSpec
    public var albumTracks: ToolSpec
    public var track: ToolSpec
    public var userTopTracks: ToolSpec
    public var userTopArtists: ToolSpec
    public var recommendations: ToolSpec
    public var multipleTracks: ToolSpec
    /// `get_multiple_tracks` used to map Spotify ids to ReccoBeats ids: not response-cached
    /// (the id registry remembers the mapping instead).
    public var trackMapping: ToolSpec
    public var audioFeatures: ToolSpec
    public var llm: ToolSpec

    /// The tools as configured by `config` (timeouts and TTLs are toggles).
    public init(config: PipelineConfiguration) {
        let reccoTimeout = config.reccobeatsTimeout
        searchTracks = ToolSpec(name: "search_spotify_tracks", service: .spotify, perMinute: 60)
        searchArtists = ToolSpec(
            name: "search_spotify_artists", service: .spotify, perMinute: 60, cacheTTL: .seconds(900))
        artistTopTracks = ToolSpec(
            name: "get_artist_top_tracks", service: .spotify, perMinute: 60,
            cacheTTL: config.topTracksCacheTTL)
        artist = ToolSpec(name: "get_spotify_artist", service: .spotify, perMinute: 60)
        artistAlbums = ToolSpec(name: "get_artist_albums", service: .spotify, perMinute: 60)
        albumTracks = ToolSpec(name: "get_album_tracks", service: .spotify, perMinute: 60)
        track = ToolSpec(name: "get_spotify_track", service: .spotify, perMinute: 60)
        // The artist pipeline's album, album-track and track calls go through the top-tracks
        // tool instance, so they fill its 60-per-minute window (the 47.8 s wait of the
        // 2025-11-07 log came while an artist was sampling album tracks).
        artistAlbums.limiterName = artistTopTracks.name
        albumTracks.limiterName = artistTopTracks.name
        track.limiterName = artistTopTracks.name
        userTopTracks = ToolSpec(
            name: "get_user_top_tracks", service: .spotify, perMinute: 60, cacheTTL: .seconds(1800))
        userTopArtists = ToolSpec(
            name: "get_user_top_artists", service: .spotify, perMinute: 60, cacheTTL: .seconds(1800))
        recommendations = ToolSpec(
            name: "get_track_recommendations", service: .reccobeats, perMinute: 80,
            minInterval: .milliseconds(750), timeout: reccoTimeout, cacheTTL: .seconds(900))
        multipleTracks = ToolSpec(
            name: "get_multiple_tracks", service: .reccobeats, perMinute: 120,
            minInterval: .seconds(1), timeout: reccoTimeout, cacheTTL: config.trackDetailsTTL)
        var mapping = multipleTracks
        mapping.cacheTTL = nil
        trackMapping = mapping
        audioFeatures = ToolSpec(
            name: "get_track_audio_features", service: .reccobeats, perMinute: 60,
            minInterval: .seconds(1), timeout: reccoTimeout, cacheTTL: .seconds(3600))
        llm = ToolSpec(name: "llm", service: .llm, perMinute: nil, timeout: .seconds(60))
    }
}
