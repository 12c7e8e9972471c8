import Foundation
import PerfbenchRuntime

/// Draws a ``Catalogue`` from a seed. One generator, consumed in a fixed order, so a seed always
/// yields the same catalogue.
struct CatalogueBuilder {
    let seed: UInt64
    let shape: CatalogueShape
    private var rng: SplitMix64

    init(seed: UInt64, shape: CatalogueShape) {
        self.seed = seed
        self.shape = shape
        rng = SplitMix64(seed: seed ^ 0xCA7A_1060_5EED)
    }

    mutating func build() -> Catalogue {
        let genreCount = GenreTable.all.count
        var artists: [ArtistRecord] = []
        var albums: [AlbumRecord] = []
        var tracks: [TrackRecord] = []
        let count = max(1, shape.artistCount)
        artists.reserveCapacity(count)
        tracks.reserveCapacity(count * shape.tracksPerArtist.upperBound)
        var names = NameRegistry()

        for index in 0..<count {
            // Every genre gets at least four artists before the rest are drawn at random, so genre
            // searches never come back empty for the genres the LLM names.
            let primary = index < genreCount * 4 ? index % genreCount : rng.nextInt(below: genreCount)
            let genres = drawGenres(primary: primary)
            let popularity = clamp(20 + 70 * pow(rng.nextUnit(), 1.6) + 5 * rng.nextGaussian(), 1, 96)
            let followers = pow(10, 2.2 + popularity / 17 + 0.25 * rng.nextGaussian())
            let trackCount = rng.nextInt(in: shape.tracksPerArtist)
            let albumCount = min(trackCount, rng.nextInt(in: shape.albumsPerArtist))
            let firstTrack = tracks.count
            let firstAlbum = albums.count
            let name = names.draw(using: &rng)

            for albumOffset in 0..<albumCount {
                albums.append(
                    AlbumRecord(
                        artist: Int32(index), titlePattern: UInt8(rng.nextInt(below: 3)),
                        titleFirst: UInt16(rng.nextInt(below: 4096)),
                        titleSecond: UInt16(rng.nextInt(below: 4096)),
                        year: UInt16(rng.nextInt(in: 1968...2025)),
                        isSingle: albumOffset > 0 && rng.chance(0.55), trackCount: 0))
            }
            var popularities = (0..<trackCount).map { rank in
                let drop = Double(rank) * rng.nextDouble(in: 1.5...5)
                return clamp(popularity - drop + 4 * rng.nextApproximateGaussian(), 0, 100)
            }
            popularities.sort(by: >)
            for (rank, trackPopularity) in popularities.enumerated() {
                // The first `albumCount` tracks seed one album each so no album is empty.
                let albumOffset = rank < albumCount ? rank : rng.nextInt(below: albumCount)
                let album = firstAlbum + albumOffset
                albums[album].trackCount += 1
                tracks.append(
                    drawTrack(
                        artist: index, artistCount: count, genre: primary, album: album,
                        trackNumber: Int(albums[album].trackCount), popularity: trackPopularity))
            }
            artists.append(
                ArtistRecord(
                    name: name, genres: genres, popularity: UInt8(popularity),
                    followers: Int32(min(followers, 2.0e9)), firstTrack: Int32(firstTrack),
                    trackCount: UInt8(trackCount), firstAlbum: Int32(firstAlbum),
                    albumCount: UInt8(albumCount), emptyTopTracks: rng.chance(shape.emptyTopTracksRate)))
        }

        var genreArtists = [[Int32]](repeating: [], count: genreCount)
        for (index, artist) in artists.enumerated() {
            for genre in artist.genreIndices { genreArtists[genre].append(Int32(index)) }
        }
        for genre in 0..<genreCount {
            genreArtists[genre].sort { lhs, rhs in
                let left = artists[Int(lhs)].popularity
                let right = artists[Int(rhs)].popularity
                return left != right ? left > right : lhs < rhs
            }
        }
        var byName: [String: Int32] = [:]
        var byLowercasedName: [String: Int32] = [:]
        byName.reserveCapacity(artists.count)
        byLowercasedName.reserveCapacity(artists.count)
        for (index, artist) in artists.enumerated() {
            byName[artist.name] = Int32(index)
            byLowercasedName[artist.name.lowercased()] = Int32(index)
        }
        let topArtists = drawTopArtists(artists)
        let topTracks = drawTopTracks(artists: artists, tracks: tracks, topArtists: topArtists)
        return Catalogue(
            seed: seed, shape: shape, artists: artists, albums: albums, tracks: tracks,
            genreArtists: genreArtists, artistByName: byName,
            artistByLowercasedName: byLowercasedName, topArtists: topArtists, topTracks: topTracks)
    }

    private mutating func drawGenres(primary: Int) -> (UInt8, UInt8, UInt8) {
        let family = GenreTable.byFamily[GenreTable.all[primary].family.rawValue]
        var result: (UInt8, UInt8, UInt8) = (UInt8(primary), noGenre, noGenre)
        let extra = rng.nextInt(in: 0...2)
        if extra >= 1, family.count > 1 {
            let second = family[rng.nextInt(below: family.count)]
            if second != primary { result.1 = UInt8(second) }
        }
        if extra == 2 {
            // Now and then a genre from elsewhere, as real artists cross over.
            let third = rng.nextInt(below: GenreTable.all.count)
            if third != primary, UInt8(third) != result.1 { result.2 = UInt8(third) }
        }
        return result
    }

    private mutating func drawTrack(
        artist: Int, artistCount: Int, genre: Int, album: Int, trackNumber: Int, popularity: Double
    ) -> TrackRecord {
        let centre = GenreTable.all[genre]
        let spread = shape.featureSpread
        let energy = unit(centre.energy + spread * rng.nextApproximateGaussian())
        let valence = unit(centre.valence + spread * rng.nextApproximateGaussian())
        let features = AudioFeatures(
            acousticness: unit(centre.acousticness + spread * rng.nextApproximateGaussian()),
            danceability: unit(centre.danceability + spread * rng.nextApproximateGaussian()),
            energy: energy,
            instrumentalness: unit(centre.instrumentalness + spread * rng.nextApproximateGaussian()),
            liveness: unit(0.06 + 0.5 * cube(rng.nextUnit())),
            speechiness: unit(centre.speechiness + 0.4 * spread * rng.nextApproximateGaussian()),
            valence: valence,
            loudness: AudioFeatures.quantize(clamp(-19 + 14 * energy + 1.5 * rng.nextApproximateGaussian(), -30, -1)),
            tempo: AudioFeatures.quantize(clamp(centre.tempo * (1 + 0.07 * rng.nextApproximateGaussian()), 50, 210)),
            key: rng.nextInt(below: 12),
            mode: rng.chance(0.35 + 0.4 * valence) ? 1 : 0)
        let featured: Int32
        if rng.chance(shape.featuredArtistRate), artistCount > 1 {
            let other = rng.nextInt(below: artistCount - 1)
            featured = Int32(other >= artist ? other + 1 : other)
        } else {
            featured = noArtist
        }
        let inReccoBeats = rng.chance(shape.reccoBeatsCoverage)
        return TrackRecord(
            artist: Int32(artist), featured: featured, album: Int32(album),
            durationMs: Int32(clamp(212_000 + 48_000 * rng.nextApproximateGaussian(), 95_000, 480_000)),
            popularity: UInt8(popularity), trackNumber: UInt8(trackNumber),
            titlePattern: UInt8(rng.nextInt(below: NameBank.titlePatterns)),
            titleFirst: UInt16(rng.nextInt(below: 4096)),
            titleSecond: UInt16(rng.nextInt(below: 4096)),
            explicit: rng.chance(shape.explicitRate), inReccoBeats: inReccoBeats,
            hasFeatures: rng.chance(shape.featuresCoverage),
            reccoBeatsHasDuration: rng.chance(shape.reccoBeatsDurationCoverage),
            features: features)
    }

    /// The user's taste: four genres weigh heavily, popularity and chance do the rest.
    private mutating func drawTopArtists(_ artists: [ArtistRecord]) -> [Int32] {
        let genreCount = GenreTable.all.count
        let taste = (0..<4).map { _ in rng.nextInt(below: genreCount) }
        var scored: [(score: Double, index: Int32)] = []
        scored.reserveCapacity(artists.count)
        for (index, artist) in artists.enumerated() {
            let inTaste = taste.contains { artist.hasGenre($0) }
            let score = (inTaste ? 60 : 0) + Double(artist.popularity) + 25 * rng.nextApproximateGaussian()
            scored.append((score, Int32(index)))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return scored.prefix(shape.userTopArtistCount).map(\.index)
    }

    private mutating func drawTopTracks(
        artists: [ArtistRecord], tracks: [TrackRecord], topArtists: [Int32]
    ) -> [Int32] {
        var scored: [(score: Double, index: Int32)] = []
        for artist in topArtists {
            for track in artists[Int(artist)].trackRange {
                scored.append((Double(tracks[track].popularity) + 20 * rng.nextApproximateGaussian(), Int32(track)))
            }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return scored.prefix(shape.userTopTrackCount).map(\.index)
    }

    private func unit(_ value: Double) -> Double {
        AudioFeatures.quantize(clamp(value, 0, 1))
    }
}

private func cube(_ value: Double) -> Double {
    value * value * value
}

func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
    min(max(value, low), high)
}

/// Unique artist names from a few patterns ("Mara Quinn", "The Velvet Owls", "DJ Solace", …).
private struct NameRegistry {
    private var taken: Set<String> = []

    mutating func draw(using rng: inout SplitMix64) -> String {
        for _ in 0..<8 {
            let candidate = Self.candidate(using: &rng)
            if taken.insert(candidate).inserted { return candidate }
        }
        // Collisions past eight tries: number the name, as real catalogues do with namesakes.
        var suffix = 2
        let base = Self.candidate(using: &rng)
        while !taken.insert("\(base) \(suffix)").inserted { suffix += 1 }
        return "\(base) \(suffix)"
    }

    private static func candidate(using rng: inout SplitMix64) -> String {
        func pick(_ words: [String]) -> String { words[rng.nextInt(below: words.count)] }
        switch rng.nextInt(below: 10) {
        case 0...3: return "\(pick(NameBank.firstNames)) \(pick(NameBank.lastNames))"
        case 4, 5: return "The \(pick(NameBank.adjectives)) \(pick(NameBank.nouns))"
        case 6: return "\(pick(NameBank.adjectives)) \(pick(NameBank.nouns))"
        case 7: return "DJ \(pick(NameBank.stageWords))"
        case 8: return "\(pick(NameBank.firstNames)) & the \(pick(NameBank.nouns))"
        default: return "\(pick(NameBank.stageWords))\(pick(["", " Kid", "wave", " Sound", " Collective"]))"
        }
    }
}
