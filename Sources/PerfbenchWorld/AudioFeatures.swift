/// One track's audio features, as ReccoBeats serves them.
///
/// The 0–1 features and tempo and loudness are stored rounded to three decimals, so that what the
/// catalogue holds is exactly what a response says.
public struct AudioFeatures: Sendable, Hashable {
    /// Confidence 0–1 that the track is acoustic.
    public var acousticness: Double
    /// How suitable for dancing, 0–1.
    public var danceability: Double
    /// Perceived intensity, 0–1.
    public var energy: Double
    /// Likelihood of no vocals, 0–1.
    public var instrumentalness: Double
    /// Likelihood of a live audience, 0–1.
    public var liveness: Double
    /// Presence of spoken words, 0–1.
    public var speechiness: Double
    /// Musical positiveness, 0–1.
    public var valence: Double
    /// Decibels, about −30…−1.
    public var loudness: Double
    /// Beats per minute.
    public var tempo: Double
    /// Pitch class 0–11.
    public var key: Int
    /// 1 major, 0 minor.
    public var mode: Int

    /// Features as given (callers quantize if they compare with served values).
    public init(
        acousticness: Double, danceability: Double, energy: Double, instrumentalness: Double,
        liveness: Double, speechiness: Double, valence: Double, loudness: Double, tempo: Double,
        key: Int, mode: Int
    ) {
        self.acousticness = acousticness
        self.danceability = danceability
        self.energy = energy
        self.instrumentalness = instrumentalness
        self.liveness = liveness
        self.speechiness = speechiness
        self.valence = valence
        self.loudness = loudness
        self.tempo = tempo
        self.key = key
        self.mode = mode
    }

    /// The feature names ReccoBeats and the mood analysis use, in JSON key order.
    public static let names = [
        "acousticness", "danceability", "energy", "instrumentalness", "key", "liveness",
        "loudness", "mode", "speechiness", "tempo", "valence",
    ]

    /// The value of the feature called `name`, or nil for an unknown name.
    public func value(named name: String) -> Double? {
        switch name {
        case "acousticness": return acousticness
        case "danceability": return danceability
        case "energy": return energy
        case "instrumentalness": return instrumentalness
        case "liveness": return liveness
        case "speechiness": return speechiness
        case "valence": return valence
        case "loudness": return loudness
        case "tempo": return tempo
        case "key": return Double(key)
        case "mode": return Double(mode)
        default: return nil
        }
    }

    /// The features keyed by name, as the pipeline sends them to the LLM.
    public var dictionary: [String: Double] {
        var result: [String: Double] = [:]
        for name in Self.names {
            if let value = value(named: name) { result[name] = value }
        }
        return result
    }

    /// Rounds to three decimals, the precision the catalogue stores.
    static func quantize(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
