/// A family of related genres: artists take secondary genres from their primary genre's family,
/// and the simulated LLM widens a mood's genre list within a family.
enum GenreFamily: Int, Sendable, CaseIterable {
    case pop, latin, caribbean, african, hipHop, rnb, electronic, chill, rock, heavy, folk, jazz
    case classical, world
}

/// A genre's typical sound: the centre its artists' audio features scatter around.
struct GenreProfile: Sendable {
    let name: String
    let family: GenreFamily
    let energy: Double
    let valence: Double
    let danceability: Double
    let acousticness: Double
    let instrumentalness: Double
    let speechiness: Double
    let tempo: Double
}

/// The catalogue's genres: real Spotify genre names with hand-set feature centres.
///
/// Values are rough readings of public audio-feature averages per genre; they only need to be
/// plausible and distinct so that mood targets select different genres.
enum GenreTable {
    static let all: [GenreProfile] = [
        g("pop", .pop, 0.68, 0.58, 0.68, 0.20, 0.01, 0.07, 118),
        g("dance pop", .pop, 0.78, 0.62, 0.74, 0.10, 0.01, 0.07, 122),
        g("indie pop", .pop, 0.60, 0.50, 0.60, 0.30, 0.05, 0.05, 116),
        g("synthpop", .pop, 0.70, 0.52, 0.66, 0.08, 0.10, 0.05, 120),
        g("k-pop", .pop, 0.80, 0.62, 0.70, 0.12, 0.01, 0.08, 124),
        g("electropop", .pop, 0.74, 0.55, 0.70, 0.08, 0.05, 0.06, 121),
        g("latin pop", .latin, 0.72, 0.66, 0.72, 0.22, 0.01, 0.07, 110),
        g("reggaeton", .latin, 0.78, 0.68, 0.80, 0.15, 0.01, 0.12, 96),
        g("salsa", .latin, 0.74, 0.80, 0.70, 0.35, 0.03, 0.05, 180),
        g("bachata", .latin, 0.62, 0.72, 0.76, 0.40, 0.02, 0.04, 128),
        g("cumbia", .latin, 0.70, 0.82, 0.78, 0.30, 0.05, 0.06, 98),
        g("bossa nova", .latin, 0.32, 0.55, 0.58, 0.80, 0.20, 0.05, 130),
        g("reggae", .caribbean, 0.55, 0.76, 0.76, 0.20, 0.05, 0.10, 82),
        g("dancehall", .caribbean, 0.74, 0.66, 0.80, 0.12, 0.01, 0.16, 100),
        g("soca", .caribbean, 0.86, 0.84, 0.78, 0.10, 0.01, 0.08, 158),
        g("calypso", .caribbean, 0.60, 0.86, 0.74, 0.45, 0.05, 0.07, 120),
        g("reggae fusion", .caribbean, 0.66, 0.72, 0.76, 0.15, 0.01, 0.11, 95),
        g("afrobeats", .african, 0.72, 0.74, 0.80, 0.18, 0.02, 0.10, 106),
        g("amapiano", .african, 0.62, 0.60, 0.82, 0.08, 0.40, 0.08, 112),
        g("highlife", .african, 0.66, 0.82, 0.74, 0.30, 0.05, 0.06, 118),
        g("hip hop", .hipHop, 0.70, 0.52, 0.74, 0.12, 0.01, 0.26, 94),
        g("g-funk", .hipHop, 0.64, 0.62, 0.80, 0.10, 0.02, 0.24, 94),
        g("gangsta rap", .hipHop, 0.72, 0.48, 0.76, 0.08, 0.01, 0.30, 92),
        g("trap", .hipHop, 0.68, 0.36, 0.76, 0.10, 0.01, 0.22, 140),
        g("boom bap", .hipHop, 0.70, 0.50, 0.72, 0.15, 0.02, 0.32, 90),
        g("lo-fi hip hop", .chill, 0.35, 0.45, 0.66, 0.60, 0.78, 0.08, 82),
        g("r&b", .rnb, 0.55, 0.48, 0.68, 0.25, 0.01, 0.10, 100),
        g("neo soul", .rnb, 0.48, 0.52, 0.66, 0.35, 0.03, 0.08, 92),
        g("soul", .rnb, 0.52, 0.62, 0.60, 0.45, 0.02, 0.05, 104),
        g("funk", .rnb, 0.72, 0.78, 0.80, 0.15, 0.10, 0.07, 108),
        g("disco", .rnb, 0.80, 0.82, 0.78, 0.10, 0.05, 0.05, 120),
        g("gospel", .rnb, 0.58, 0.60, 0.52, 0.45, 0.01, 0.06, 100),
        g("house", .electronic, 0.82, 0.58, 0.80, 0.05, 0.60, 0.06, 124),
        g("deep house", .electronic, 0.66, 0.48, 0.78, 0.08, 0.60, 0.05, 122),
        g("techno", .electronic, 0.88, 0.32, 0.72, 0.03, 0.82, 0.06, 130),
        g("trance", .electronic, 0.90, 0.38, 0.60, 0.02, 0.70, 0.05, 138),
        g("drum and bass", .electronic, 0.92, 0.36, 0.55, 0.02, 0.55, 0.08, 174),
        g("dubstep", .electronic, 0.90, 0.30, 0.58, 0.03, 0.45, 0.09, 140),
        g("ambient", .chill, 0.15, 0.20, 0.25, 0.85, 0.90, 0.04, 80),
        g("downtempo", .chill, 0.38, 0.36, 0.58, 0.45, 0.60, 0.05, 95),
        g("trip hop", .chill, 0.45, 0.28, 0.62, 0.35, 0.45, 0.07, 90),
        g("chillwave", .chill, 0.48, 0.46, 0.60, 0.30, 0.40, 0.04, 105),
        g("rock", .rock, 0.76, 0.50, 0.50, 0.10, 0.05, 0.05, 126),
        g("classic rock", .rock, 0.72, 0.58, 0.50, 0.18, 0.06, 0.04, 124),
        g("indie rock", .rock, 0.70, 0.45, 0.52, 0.15, 0.08, 0.05, 128),
        g("alternative rock", .rock, 0.74, 0.40, 0.48, 0.10, 0.05, 0.05, 124),
        g("punk", .rock, 0.92, 0.52, 0.42, 0.02, 0.02, 0.08, 168),
        g("pop punk", .rock, 0.90, 0.56, 0.48, 0.02, 0.01, 0.07, 160),
        g("grunge", .rock, 0.80, 0.34, 0.40, 0.05, 0.05, 0.05, 122),
        g("shoegaze", .rock, 0.68, 0.30, 0.36, 0.10, 0.45, 0.04, 118),
        g("post-rock", .rock, 0.50, 0.22, 0.30, 0.30, 0.85, 0.04, 110),
        g("emo", .rock, 0.82, 0.34, 0.44, 0.05, 0.02, 0.06, 150),
        g("metal", .heavy, 0.94, 0.26, 0.38, 0.01, 0.20, 0.08, 134),
        g("heavy metal", .heavy, 0.92, 0.34, 0.36, 0.01, 0.15, 0.06, 140),
        g("metalcore", .heavy, 0.95, 0.22, 0.40, 0.01, 0.05, 0.10, 146),
        g("folk", .folk, 0.36, 0.48, 0.52, 0.80, 0.05, 0.04, 112),
        g("indie folk", .folk, 0.40, 0.40, 0.50, 0.75, 0.10, 0.04, 114),
        g("singer-songwriter", .folk, 0.35, 0.40, 0.52, 0.72, 0.02, 0.04, 108),
        g("country", .folk, 0.66, 0.62, 0.58, 0.30, 0.01, 0.04, 120),
        g("bluegrass", .folk, 0.62, 0.66, 0.54, 0.85, 0.15, 0.04, 130),
        g("americana", .folk, 0.50, 0.50, 0.54, 0.55, 0.05, 0.04, 116),
        g("jazz", .jazz, 0.40, 0.50, 0.56, 0.70, 0.45, 0.06, 112),
        g("smooth jazz", .jazz, 0.42, 0.56, 0.62, 0.50, 0.70, 0.04, 96),
        g("bebop", .jazz, 0.55, 0.58, 0.48, 0.75, 0.70, 0.06, 180),
        g("blues", .jazz, 0.52, 0.52, 0.54, 0.50, 0.10, 0.05, 104),
        g("classical", .classical, 0.18, 0.25, 0.28, 0.92, 0.88, 0.04, 96),
        g("piano", .classical, 0.12, 0.30, 0.35, 0.96, 0.92, 0.04, 88),
        g("soundtrack", .classical, 0.40, 0.20, 0.28, 0.60, 0.85, 0.04, 104),
        g("flamenco", .world, 0.55, 0.50, 0.55, 0.80, 0.20, 0.06, 132),
        g("k-indie", .world, 0.52, 0.46, 0.56, 0.35, 0.05, 0.04, 114),
    ]

    /// Genre index by exact (lowercase) name.
    static let indexByName: [String: Int] = {
        var index: [String: Int] = [:]
        for (position, genre) in all.enumerated() { index[genre.name] = position }
        return index
    }()

    /// Genre indices per family, in table order.
    static let byFamily: [[Int]] = {
        var families = [[Int]](repeating: [], count: GenreFamily.allCases.count)
        for (position, genre) in all.enumerated() { families[genre.family.rawValue].append(position) }
        return families
    }()

    private static func g(
        _ name: String, _ family: GenreFamily, _ energy: Double, _ valence: Double,
        _ danceability: Double, _ acousticness: Double, _ instrumentalness: Double,
        _ speechiness: Double, _ tempo: Double
    ) -> GenreProfile {
        GenreProfile(
            name: name, family: family, energy: energy, valence: valence,
            danceability: danceability, acousticness: acousticness,
            instrumentalness: instrumentalness, speechiness: speechiness, tempo: tempo)
    }
}
