/// guide 1.3: how wide artist discovery searches.
///
/// Baseline: per genre an artist search with limit 40 and a track search with limit 30, over at
/// most 10 genres. The guide lowers the artist limit to 20; the backend shipped 20 / 15 / 6 genres.
public struct DiscoveryLimits: Sendable, Hashable {
    /// `limit` of each `genre:{g}` artist search (Spotify allows 1–50).
    public var artistSearchLimit: Int
    /// `limit` of each genre track search (Spotify allows 1–50).
    public var trackSearchLimit: Int
    /// How many genre keywords are searched.
    public var genreCount: Int

    /// Creates limits.
    public init(artistSearchLimit: Int, trackSearchLimit: Int, genreCount: Int) {
        self.artistSearchLimit = artistSearchLimit
        self.trackSearchLimit = trackSearchLimit
        self.genreCount = genreCount
    }

    /// The backend at its baseline: 40 / 30 / 10 genres.
    public static let baseline = DiscoveryLimits(artistSearchLimit: 40, trackSearchLimit: 30, genreCount: 10)

    /// Accepted artist search limits (Spotify's `limit` range).
    static let artistRange = 1...50
    /// Accepted track search limits.
    static let trackRange = 1...50
    /// Accepted genre counts.
    static let genreRange = 1...20
}

extension DiscoveryLimits {
    private static let syntax = "ARTISTS[/TRACKS[/GENRES]], limits 1-50, genres 1-20"

    /// `20` (artist limit; the rest at baseline), `20/15` or `20/15/6`.
    static let codec = PhaseCodec<DiscoveryLimits>(
        kind: .composite([
            PhaseValuePart("artist-search-limit", .integer(artistRange)),
            PhaseValuePart("track-search-limit", .integer(trackRange), optional: true),
            PhaseValuePart("genres", .integer(genreRange), optional: true),
        ]),
        syntax: syntax,
        parse: { text throws(PhaseValueProblem) in
            let parts = try PhaseText.parts(text, minimum: 1, maximum: 3, syntax: syntax)
            var limits = DiscoveryLimits.baseline
            limits.artistSearchLimit = try PhaseText.integer(parts[0], in: artistRange, label: "artist limit")
            if parts.count > 1 {
                limits.trackSearchLimit = try PhaseText.integer(parts[1], in: trackRange, label: "track limit")
            }
            if parts.count > 2 {
                limits.genreCount = try PhaseText.integer(parts[2], in: genreRange, label: "genre count")
            }
            return limits
        },
        render: { "\($0.artistSearchLimit)/\($0.trackSearchLimit)/\($0.genreCount)" })
}
