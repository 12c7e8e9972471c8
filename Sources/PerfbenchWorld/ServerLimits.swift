/// Spotify's rate limit: a rolling window per app (numbers unpublished; APIS.md).
///
/// Over ``budget`` requests in the last ``windowSeconds`` → 429 with `Retry-After` = seconds until
/// the oldest counted request leaves the window (at least ``minimumRetryAfter``). Requests that
/// arrive during a penalty are refused too and multiply the remaining penalty by
/// ``penaltyGrowth`` up to ``maximumRetryAfter`` (the logs: Retry-After of hours after heavy use).
/// From ``quotaThreshold`` seconds on, the body says `QUOTA_EXCEEDED`.
public struct SpotifyRateLimit: Sendable, Hashable {
    /// Length of the rolling window.
    public var windowSeconds: Double
    /// Requests allowed per window, per app.
    public var budget: Int
    /// The smallest `Retry-After` sent.
    public var minimumRetryAfter: Int
    /// Factor applied to the remaining penalty by each call made during it.
    public var penaltyGrowth: Double
    /// The largest `Retry-After` sent (the logs saw 86,400 s).
    public var maximumRetryAfter: Int
    /// `Retry-After` from which the body carries `QUOTA_EXCEEDED`.
    public var quotaThreshold: Int
    /// Isolated 429s in light use (seen with Retry-After 2–4 s).
    public var sporadicRate: Double
    /// `Retry-After` of the isolated 429s.
    public var sporadicRetryAfter: ClosedRange<Int>

    /// 10 req/s with 2 in flight ran clean, so the budget sits well above 300 per 30 s.
    public init(
        windowSeconds: Double = 30, budget: Int = 450, minimumRetryAfter: Int = 2,
        penaltyGrowth: Double = 2, maximumRetryAfter: Int = 86_400, quotaThreshold: Int = 3_600,
        sporadicRate: Double = 0, sporadicRetryAfter: ClosedRange<Int> = 2...4
    ) {
        self.windowSeconds = windowSeconds
        self.budget = budget
        self.minimumRetryAfter = minimumRetryAfter
        self.penaltyGrowth = penaltyGrowth
        self.maximumRetryAfter = maximumRetryAfter
        self.quotaThreshold = quotaThreshold
        self.sporadicRate = sporadicRate
        self.sporadicRetryAfter = sporadicRetryAfter
    }
}

/// The ReccoBeats endpoint families that share a per-minute limit.
public enum ReccoBeatsFamily: String, Sendable, Hashable, CaseIterable {
    case recommendation, tracks, audioFeatures, artists
}

/// ReccoBeats' per-minute limits per endpoint family (unpublished; the backend saw 429s on
/// `/v1/track` at 300–500 req/min). Rolling 60 s windows; over → 429 with `Retry-After` = seconds
/// until the oldest counted request leaves.
public struct ReccoBeatsRateLimit: Sendable, Hashable {
    /// Length of the rolling window.
    public var windowSeconds: Double
    /// `/v1/track/recommendation` calls per window.
    public var recommendation: Int
    /// `/v1/track` multi-gets per window.
    public var tracks: Int
    /// Audio-feature calls (single and batch) per window.
    public var audioFeatures: Int
    /// Artist search and artist-track calls per window.
    public var artists: Int
    /// The smallest `Retry-After` sent.
    public var minimumRetryAfter: Int

    /// Budgets per family; the defaults sit below the 300–500 req/min where 429s were seen.
    public init(
        windowSeconds: Double = 60, recommendation: Int = 300, tracks: Int = 400,
        audioFeatures: Int = 400, artists: Int = 300, minimumRetryAfter: Int = 1
    ) {
        self.windowSeconds = windowSeconds
        self.recommendation = recommendation
        self.tracks = tracks
        self.audioFeatures = audioFeatures
        self.artists = artists
        self.minimumRetryAfter = minimumRetryAfter
    }

    /// The budget of `family`.
    public func budget(_ family: ReccoBeatsFamily) -> Int {
        switch family {
        case .recommendation: return recommendation
        case .tracks: return tracks
        case .audioFeatures: return audioFeatures
        case .artists: return artists
        }
    }
}

/// Failures that are not about load: dropped connections and 5xx answers, per service.
public struct FaultRates: Sendable, Hashable {
    /// Share of Spotify requests whose connection fails.
    public var spotifyConnectionErrors: Double
    /// Share of ReccoBeats requests whose connection fails.
    public var reccoBeatsConnectionErrors: Double
    /// Share of LLM requests whose connection fails.
    public var llmConnectionErrors: Double
    /// Share of Spotify requests answered 500/502/503.
    public var spotifyServerErrors: Double
    /// Share of ReccoBeats requests answered 500/502/503.
    public var reccoBeatsServerErrors: Double
    /// Share of LLM requests answered 500/502/503.
    public var llmServerErrors: Double
    /// Seconds until a failed connection is noticed.
    public var connectionErrorSeconds: Double

    /// Rates per service; every rate defaults to zero.
    public init(
        spotifyConnectionErrors: Double = 0, reccoBeatsConnectionErrors: Double = 0,
        llmConnectionErrors: Double = 0, spotifyServerErrors: Double = 0,
        reccoBeatsServerErrors: Double = 0, llmServerErrors: Double = 0,
        connectionErrorSeconds: Double = 0.15
    ) {
        self.spotifyConnectionErrors = spotifyConnectionErrors
        self.reccoBeatsConnectionErrors = reccoBeatsConnectionErrors
        self.llmConnectionErrors = llmConnectionErrors
        self.spotifyServerErrors = spotifyServerErrors
        self.reccoBeatsServerErrors = reccoBeatsServerErrors
        self.llmServerErrors = llmServerErrors
        self.connectionErrorSeconds = connectionErrorSeconds
    }

    /// None at all (unit tests).
    public static let none = FaultRates()
}
