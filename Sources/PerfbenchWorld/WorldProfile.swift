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
    /// The logged run's prompt, asked as prompt 0 (nil: every prompt is generated).
    public var runPrompt: RunPrompt?
    /// How the LLM judges (evaluation scores, artist validation).
    public var answers: LLMAnswerTuning
    /// At most this many albums per artist in `/v1/artists/{id}/albums` (nil: all of them).
    /// Fewer albums mean fewer album samples in the pipeline's hybrid fetch: `oct31` uses it
    /// because the 2025-10-31 backend's artist strategy made no album calls at all ("Got 10
    /// tracks from artist …, processing top 3"), while the pipeline models the 2025-11-07
    /// backend, whose album sampling fills the top-tracks window with 20 artists.
    public var listedAlbumsPerArtist: Int?
    /// How the upstreams behave under load and how the LLM judges (``WorldMechanics``).
    public var mechanics: WorldMechanics = .standard

    /// A profile from its parts; unspecified parts take the typical-day defaults.
    public init(
        name: String, summary: String, catalogue: CatalogueShape = CatalogueShape(),
        latency: EndpointLatencies = EndpointLatencies(), llm: LLMLatency = LLMLatency(),
        spotifyLimit: SpotifyRateLimit = SpotifyRateLimit(),
        reccoBeatsLimit: ReccoBeatsRateLimit = ReccoBeatsRateLimit(),
        faults: FaultRates = FaultRates(), runPrompt: RunPrompt? = nil,
        answers: LLMAnswerTuning = LLMAnswerTuning(), listedAlbumsPerArtist: Int? = nil
    ) {
        self.name = name
        self.summary = summary
        self.catalogue = catalogue
        self.latency = latency
        self.llm = llm
        self.spotifyLimit = spotifyLimit
        self.reccoBeatsLimit = reccoBeatsLimit
        self.faults = faults
        self.runPrompt = runPrompt
        self.answers = answers
        self.listedAlbumsPerArtist = listedAlbumsPerArtist
    }

    /// This profile under other mechanics, named `profile+mechanics` unless they are the standard.
    public func under(_ mechanics: WorldMechanics) -> WorldProfile {
        var profile = self
        profile.mechanics = mechanics
        if mechanics != .standard { profile.name = name + "+" + mechanics.name }
        return profile
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

    /// The 2025-11-07 run (306 s): the run's prompt over deep artist catalogues, the standard
    /// latencies with that day's slow calls (`/me/top/artists` 6.35 s, `/v1/track` outliers of
    /// 1.8–6.2 s, top tracks at 6.4 s now and then) and a strict, selective LLM.
    public static let nov07: WorldProfile = {
        var profile = WorldProfile.standard
        profile.name = "nov07"
        profile.summary = "the 2025-11-07 run (306 s): Caribbean prompt, slow /me/top/artists and /v1/track outliers"
        // The log's user top tracks took 0.46 s, its top artists 6.35 s.
        profile.latency.spotifyMeTop.tailProbability = 0
        profile.latency.spotifyMeTopArtists = LatencyModel(median: 6.35, sigma: 0.03, maximum: 30)
        profile.latency.reccoBeatsTracks.tailProbability = 0.05
        profile.latency.spotifyArtistTopTracks.tailProbability = 0.04
        profile.latency.spotifyArtistTopTracks.tailMinimum = 4
        // "Retrieved 10 albums for artist" for nearly every artist: deep catalogues, whose album
        // samples often miss the 20–80 popularity band ("top: 1, album: 0").
        profile.catalogue.tracksPerArtist = 10...20
        profile.catalogue.albumsPerArtist = 6...12
        // Playlist ordering took 13.9 s: three concurrent energy batches and the strategy call.
        profile.llm.reasoningTokens[.energyAnalysis] = 290
        profile.runPrompt = RunPrompt(
            template: "Caribbean rhythms, Latin beats, and island vibes with steel drums and sunny "
                + "grooves for vacation mode")
        // That day's model scored the playlist 0.65 (threshold 0.80, so it regenerated) and kept
        // 12 of 30 artists in validation.
        profile.answers = LLMAnswerTuning(evaluationOffset: -0.2, validatedArtistLimit: 12)
        return profile
    }()

    /// The 2025-10-31 run (227 s): the run's prompt with five named artists, intent 9.15 s and
    /// mood 10.17 s around 3 s LLM calls, slower Spotify searches (≈ 0.8 s sequential artist
    /// searches), ReccoBeats ≈ 0.3–1 s, and an artist strategy without album sampling.
    public static let oct31: WorldProfile = {
        var profile = WorldProfile.standard
        profile.name = "oct31"
        profile.summary = "the 2025-10-31 run (227 s): G-funk prompt with five named artists, slow agents"
        profile.llm.extraSeconds = [.intentAnalysis: 6.1, .moodAnalysis: 7.0]
        profile.latency.spotifySearch.median = 0.8
        profile.latency.spotifyArtistTopTracks.median = 0.4
        profile.latency.updateReccoBeats { $0.median *= 3 }
        profile.runPrompt = RunPrompt(
            template: "songs that sound like cruising down the West Coast in the 90s — laid-back funk "
                + "beats, deep basslines, smooth flow, and sunny swagger. think {artists}. g-funk "
                + "synths, warm analog drums, and timeless westside confidence.",
            mentionGenre: "g-funk", mentionCount: 5)
        // That run met its quality bar (0.80) at the first evaluation: LLM 0.75, overall 0.81,
        // so it never regenerated.
        profile.answers = LLMAnswerTuning(evaluationOffset: 0.2)
        // That backend's artist strategy made no album calls; the pipeline's hybrid fetch makes
        // at least one album sample per artist, so the world lists one album and answers those
        // stand-in calls quickly.
        profile.listedAlbumsPerArtist = 1
        profile.latency.spotifyArtistAlbums.median = 0.1
        profile.latency.spotifyAlbumTracks.median = 0.1
        profile.latency.spotifyTrack.median = 0.1
        return profile
    }()

    /// The guide's run (197 s): a faster LLM (intent 1.6 s, mood 2.8 s), faster searches, 8
    /// artists kept, otherwise a typical day.
    public static let guide197: WorldProfile = {
        var profile = WorldProfile.standard
        profile.name = "guide197"
        profile.summary = "the optimization guide's run (197 s): faster LLM, typical upstreams"
        profile.llm.overheadSeconds = 0.4
        profile.llm.secondsPerCompletionToken = 0.012
        // Ordering took 6.7 s and final processing 3.8 s in the guide.
        profile.llm.reasoningTokens[.energyAnalysis] = 120
        profile.llm.reasoningTokens[.finalEvaluation] = 150
        // Artist discovery (14 searches and a validation call here) took 5.65 s.
        profile.llm.reasoningTokens[.artistValidation] = 20
        profile.latency.spotifySearch.median = 0.2
        // The guide's run iterated although its score read 0.77, and its artist strategy
        // fetched 8 artists one after another.
        profile.answers = LLMAnswerTuning(evaluationOffset: -0.15, validatedArtistLimit: 8)
        return profile
    }()

    /// ReccoBeats at its worst: one call in 16 in the 60–140 s tail (the baseline's 30 s and the
    /// first fix's 60 s client timeouts cut every one of them; the later 180 s lets them through),
    /// a slow body (median 2 s, ≈ 2 % over 20 s), more 5xx and dropped connections.
    public static let badDay: WorldProfile = {
        var profile = WorldProfile.standard
        profile.name = "bad-day"
        profile.summary = "ReccoBeats at its worst: 20–140 s calls, regular timeouts, 5xx and resets"
        profile.latency.updateReccoBeats {
            $0.median = 2
            $0.sigma = 1.1
            $0.tailProbability = 0.06
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
