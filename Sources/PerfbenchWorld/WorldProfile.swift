/// Every parameter of a simulated world: catalogue shape, latencies, server limits and faults.
///
/// Named profiles (``named(_:)``) start from the real logs and PIPELINE.md §8; every field is a
/// plain value so calibration can tune one number at a time. See LATENCY.md for the table.
public struct WorldProfile: Sendable, Hashable {
    /// The profile's name (`default`, `nov07`, …).
    public var name: String
    /// One line on what the profile models.
    public var summary: String
    /// Size and ReccoBeats coverage of the catalogue.
    public var catalogue: CatalogueShape
    /// Latency per Spotify and ReccoBeats endpoint.
    public var latency: EndpointLatencies
    /// Latency of the LLM.
    public var llm: LLMLatency
    /// Spotify's rolling-window limit.
    public var spotifyLimit: SpotifyRateLimit
    /// ReccoBeats' per-minute limits.
    public var reccoBeatsLimit: ReccoBeatsRateLimit
    /// Connection errors and 5xx rates.
    public var faults: FaultRates

    /// A profile from its parts; unspecified parts take the typical-day defaults.
    public init(
        name: String, summary: String, catalogue: CatalogueShape = CatalogueShape(),
        latency: EndpointLatencies = EndpointLatencies(), llm: LLMLatency = LLMLatency(),
        spotifyLimit: SpotifyRateLimit = SpotifyRateLimit(),
        reccoBeatsLimit: ReccoBeatsRateLimit = ReccoBeatsRateLimit(),
        faults: FaultRates = FaultRates()
    ) {
        self.name = name
        self.summary = summary
        self.catalogue = catalogue
        self.latency = latency
        self.llm = llm
        self.spotifyLimit = spotifyLimit
        self.reccoBeatsLimit = reccoBeatsLimit
        self.faults = faults
    }

    /// The names ``named(_:)`` knows, in display order.
    public static let names = ["default", "nov07", "oct31", "guide197", "bad-day"]

    /// The profile called `name`, or nil.
    public static func named(_ name: String) -> WorldProfile? {
        switch name {
        case "default": return .standard
        case "nov07": return .nov07
        case "oct31": return .oct31
        case "guide197": return .guide197
        case "bad-day": return .badDay
        default: return nil
        }
    }

    /// A typical day: the 2025-11-07 log's per-call latencies, rare ReccoBeats 5xx.
    public static let standard = WorldProfile(
        name: "default",
        summary: "typical day: per-call latencies of the 2025-11-07 log, rare ReccoBeats 5xx",
        faults: FaultRates(reccoBeatsServerErrors: 0.002))

    /// The 2025-11-07 run (306 s): the standard latencies with that day's slow calls: `/me/top`
    /// 6.35 s, `/v1/track` outliers of 1.8–6.2 s, top tracks at 6.4 s now and then.
    public static let nov07: WorldProfile = {
        var profile = WorldProfile.standard
        profile.name = "nov07"
        profile.summary = "the 2025-11-07 run (306 s): Caribbean prompt, slow /me/top and /v1/track outliers"
        profile.latency.spotifyMeTop.tailProbability = 0.5
        profile.latency.spotifyMeTop.tailMinimum = 5
        profile.latency.reccoBeatsTracks.tailProbability = 0.05
        profile.latency.spotifyArtistTopTracks.tailProbability = 0.04
        profile.latency.spotifyArtistTopTracks.tailMinimum = 4
        return profile
    }()

    /// The 2025-10-31 run (227 s): intent 9.15 s and mood 10.17 s around 3 s LLM calls, slower
    /// Spotify searches (≈ 0.8 s sequential artist searches), ReccoBeats ≈ 0.3–1 s.
    public static let oct31: WorldProfile = {
        var profile = WorldProfile.standard
        profile.name = "oct31"
        profile.summary = "the 2025-10-31 run (227 s): G-funk prompt with five named artists, slow agents"
        profile.llm.extraSeconds = [.intentAnalysis: 6.1, .moodAnalysis: 7.0]
        profile.latency.spotifySearch.median = 0.8
        profile.latency.spotifyArtistTopTracks.median = 0.4
        profile.latency.updateReccoBeats { $0.median *= 3 }
        return profile
    }()

    /// The guide's run (197 s): a faster LLM (intent 1.6 s, mood 2.8 s), otherwise a typical day.
    public static let guide197: WorldProfile = {
        var profile = WorldProfile.standard
        profile.name = "guide197"
        profile.summary = "the optimization guide's run (197 s): faster LLM, typical upstreams"
        profile.llm.overheadSeconds = 0.4
        profile.llm.secondsPerCompletionToken = 0.012
        return profile
    }()

    /// ReccoBeats at its worst: calls of 20–140 s, one in five in the 60–140 s tail (30 s and 60 s
    /// client timeouts hit regularly), more 5xx and dropped connections.
    public static let badDay: WorldProfile = {
        var profile = WorldProfile.standard
        profile.name = "bad-day"
        profile.summary = "ReccoBeats at its worst: 20–140 s calls, regular timeouts, 5xx and resets"
        profile.latency.updateReccoBeats {
            $0.median = 2.5
            $0.sigma = 1.1
            $0.tailProbability = 0.2
            $0.tailMinimum = 60
            $0.tailAlpha = 2.5
            $0.maximum = 140
        }
        profile.faults.reccoBeatsServerErrors = 0.02
        profile.faults.reccoBeatsConnectionErrors = 0.005
        profile.spotifyLimit.sporadicRate = 0.005
        return profile
    }()
}
