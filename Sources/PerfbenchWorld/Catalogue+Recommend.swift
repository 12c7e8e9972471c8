/// ReccoBeats-style recommendations: tracks of the seeds' genres nearest to a feature target.
extension Catalogue {
    /// A recommendation query, already validated.
    struct RecommendationQuery {
        var seeds: [Int]
        var negativeSeeds: [Int]
        var size: Int
        /// Explicit feature targets (0–1 features, `tempo`, `loudness`, `popularity`, …).
        var targets: [(name: String, value: Double)]
        /// Mixes the per-candidate tie-breaking jitter, so different requests rank differently.
        var salt: UInt64
    }

    /// Up to `size` ReccoBeats tracks, best first. Seeds and their exact copies never come back.
    func recommend(_ query: RecommendationQuery) -> [Int] {
        var target = FeatureVector.mean(of: query.seeds.map { tracks[$0].features })
        var popularityTarget: Double?
        for (name, value) in query.targets {
            if name == "popularity" { popularityTarget = value } else { target.set(name, value) }
        }
        let negatives = query.negativeSeeds.map { FeatureVector(tracks[$0].features) }
        var seen = Set<Int>(query.seeds)
        var scored: [(score: Double, track: Int)] = []
        // Bounded candidate pool: at most 25 artists per seed genre, 300 tracks in all, which keeps
        // a call to a few tens of microseconds.
        outer: for seed in query.seeds {
            for genre in artists[Int(tracks[seed].artist)].genreIndices {
                for artist in genreArtists[genre].prefix(25) {
                    for track in artists[Int(artist)].trackRange where tracks[track].inReccoBeats {
                        guard seen.insert(track).inserted else { continue }
                        let record = tracks[track]
                        let vector = FeatureVector(record.features)
                        var score = vector.distance(to: target)
                        for negative in negatives where vector.distance(to: negative) < 0.12 { score += 0.3 }
                        if let popularity = popularityTarget {
                            score += abs(Double(record.popularity) - popularity) / 400
                        }
                        score += Double(Mix64.mix(query.salt ^ UInt64(track)) >> 11) * 0x1.0p-53 * 0.06
                        scored.append((score, track))
                        if scored.count >= 300 { break outer }
                    }
                }
            }
        }
        scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.track < $1.track }
        return scored.prefix(query.size).map(\.track)
    }
}

/// The features that distances use, scaled to comparable ranges (tempo / 200, loudness / 30).
/// A SIMD value, so scoring hundreds of candidates allocates nothing.
struct FeatureVector {
    /// acousticness, danceability, energy, instrumentalness, liveness, speechiness, valence,
    /// tempo / 200.
    var main: SIMD8<Double>
    /// (loudness + 30) / 30.
    var loudness: Double

    private static let positions: [String: Int] = [
        "acousticness": 0, "danceability": 1, "energy": 2, "instrumentalness": 3, "liveness": 4,
        "speechiness": 5, "valence": 6, "tempo": 7,
    ]

    init(_ features: AudioFeatures) {
        main = SIMD8(
            features.acousticness, features.danceability, features.energy,
            features.instrumentalness, features.liveness, features.speechiness, features.valence,
            features.tempo / 200)
        loudness = (features.loudness + 30) / 30
    }

    init(main: SIMD8<Double>, loudness: Double) {
        self.main = main
        self.loudness = loudness
    }

    /// The mean of `features`, or a middle-of-the-road vector when there are none.
    static func mean(of features: [AudioFeatures]) -> FeatureVector {
        guard !features.isEmpty else {
            return FeatureVector(main: SIMD8(0.4, 0.6, 0.6, 0.1, 0.15, 0.07, 0.5, 0.6), loudness: 0.7)
        }
        var sum = FeatureVector(main: .zero, loudness: 0)
        for feature in features {
            let vector = FeatureVector(feature)
            sum.main += vector.main
            sum.loudness += vector.loudness
        }
        let count = Double(features.count)
        return FeatureVector(main: sum.main / count, loudness: sum.loudness / count)
    }

    /// Sets a target by feature name; unknown names and `key`/`mode` are ignored.
    mutating func set(_ name: String, _ value: Double) {
        if name == "loudness" {
            loudness = (value + 30) / 30
        } else if let position = Self.positions[name] {
            main[position] = name == "tempo" ? value / 200 : value
        }
    }

    /// Root-mean-square difference over the nine features.
    func distance(to other: FeatureVector) -> Double {
        let difference = main - other.main
        let loud = loudness - other.loudness
        return (((difference * difference).sum() + loud * loud) / 9).squareRoot()
    }
}
