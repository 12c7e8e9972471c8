/// How big a catalogue is and how complete ReccoBeats' copy of it is. Every field is a plain
/// value so profiles and tests can tune it.
public struct CatalogueShape: Sendable, Hashable {
    /// Artists in the catalogue (a real slice the pipeline touches: 400–1,500).
    public var artistCount: Int
    /// Tracks per artist, drawn uniformly.
    public var tracksPerArtist: ClosedRange<Int>
    /// Albums (and singles) per artist, capped at the artist's track count.
    public var albumsPerArtist: ClosedRange<Int>
    /// Share of tracks ReccoBeats knows (the logs converted 5/10 … 21/24 Spotify ids: ≈ 0.7).
    public var reccoBeatsCoverage: Double
    /// Share of ReccoBeats tracks that have audio features; the others answer 404.
    public var featuresCoverage: Double
    /// Share of ReccoBeats tracks whose record carries `durationMs`.
    public var reccoBeatsDurationCoverage: Double
    /// Share of tracks with a featured second artist.
    public var featuredArtistRate: Double
    /// Share of explicit tracks.
    public var explicitRate: Double
    /// Share of artists whose top tracks are empty in every market (seen in the 10-31 log).
    public var emptyTopTracksRate: Double
    /// Standard deviation of a track's 0–1 features around its genre's centre.
    public var featureSpread: Double
    /// Length of the user's `me/top/artists` list.
    public var userTopArtistCount: Int
    /// Length of the user's `me/top/tracks` list.
    public var userTopTrackCount: Int

    /// A mid-sized slice: 900 artists, 5–10 tracks each.
    public init(
        artistCount: Int = 900, tracksPerArtist: ClosedRange<Int> = 5...10,
        albumsPerArtist: ClosedRange<Int> = 2...6, reccoBeatsCoverage: Double = 0.72,
        featuresCoverage: Double = 0.93, reccoBeatsDurationCoverage: Double = 0.85,
        featuredArtistRate: Double = 0.12, explicitRate: Double = 0.15,
        emptyTopTracksRate: Double = 0.01, featureSpread: Double = 0.11,
        userTopArtistCount: Int = 50, userTopTrackCount: Int = 50
    ) {
        self.artistCount = artistCount
        self.tracksPerArtist = tracksPerArtist
        self.albumsPerArtist = albumsPerArtist
        self.reccoBeatsCoverage = reccoBeatsCoverage
        self.featuresCoverage = featuresCoverage
        self.reccoBeatsDurationCoverage = reccoBeatsDurationCoverage
        self.featuredArtistRate = featuredArtistRate
        self.explicitRate = explicitRate
        self.emptyTopTracksRate = emptyTopTracksRate
        self.featureSpread = featureSpread
        self.userTopArtistCount = userTopArtistCount
        self.userTopTrackCount = userTopTrackCount
    }

    /// A small catalogue for unit tests (120 artists).
    public static let small = CatalogueShape(artistCount: 120)
}
