import PerfbenchPipeline
import PerfbenchRuntime

/// One generated mood prompt and what it contains.
public struct WorldPrompt: Sendable, Hashable {
    /// How much detail the prompt gives; the mood analysis sizes playlists by it.
    public enum Specificity: String, Sendable, Hashable, CaseIterable {
        case broad, balanced, specific
    }

    /// The prompt text a user would type.
    public var text: String
    /// How detailed the prompt is.
    public var specificity: Specificity
    /// Catalogue genres the prompt names.
    public var genres: [String]
    /// Catalogue artists the prompt names (track artists included).
    public var mentionedArtists: [String]
    /// Catalogue tracks the prompt names as `"Title" by Artist`.
    public var mentionedTracks: [MentionedTrack]
}

/// Seeded prompts for synthesized workflows: broad and specific moods, with and without artists
/// and tracks that exist in the catalogue, across genres. Prompt `i` of a seed is always the same.
public struct WorldPrompts: Sendable {
    /// The catalogue mentions are drawn from.
    public let catalogue: Catalogue
    /// The prompt seed.
    public let seed: UInt64
    /// A logged run's prompt, asked as prompt 0 instead of a generated one.
    public let runPrompt: RunPrompt?

    /// Prompts over `catalogue`, numbered from 0 for `seed`; with `runPrompt`, prompt 0 is that
    /// run's prompt and the others are generated as usual.
    public init(catalogue: Catalogue, seed: UInt64, runPrompt: RunPrompt? = nil) {
        self.catalogue = catalogue
        self.seed = seed
        self.runPrompt = runPrompt
    }

    /// The first `count` prompts.
    public func prompts(count: Int) -> [WorldPrompt] {
        (0..<max(0, count)).map(prompt(_:))
    }

    /// Prompt number `index`.
    public func prompt(_ index: Int) -> WorldPrompt {
        if index == 0, let runPrompt { return runPrompt.prompt(in: catalogue) }
        var rng = SplitMix64(seed: Mix64.mix(seed ^ 0x9807_1F7A) ^ Mix64.mix(UInt64(index)))
        let specificity: WorldPrompt.Specificity
        switch rng.nextUnit() {
        case ..<0.3: specificity = .broad
        case ..<0.7: specificity = .balanced
        default: specificity = .specific
        }
        let moodCount = specificity == .broad ? 1 : specificity == .balanced ? 2 : rng.nextInt(in: 3...4)
        var moods: [Int] = []
        while moods.count < moodCount {
            let entry = rng.nextInt(below: MoodLexicon.entries.count)
            if !moods.contains(entry) { moods.append(entry) }
        }
        let words = moods.map { entry -> String in
            let list = MoodLexicon.entries[entry].phrases
            return list[rng.nextInt(below: list.count)]
        }
        var genres: [String] = []
        let genreCount: Int
        switch specificity {
        case .broad: genreCount = rng.chance(0.3) ? 1 : 0
        case .balanced: genreCount = 1
        case .specific: genreCount = rng.nextInt(in: 1...2)
        }
        while genres.count < genreCount {
            // Mostly a genre that suits the first mood, sometimes any genre.
            let suited = MoodLexicon.entries[moods[0]].genres
            let name = rng.chance(0.7)
                ? suited[rng.nextInt(below: suited.count)]
                : GenreTable.all[rng.nextInt(below: GenreTable.all.count)].name
            if !genres.contains(name) { genres.append(name) }
        }
        var text = body(specificity, words: words, genres: genres, rng: &rng)

        var artists: [String] = []
        var tracks: [MentionedTrack] = []
        if rng.chance(0.2) {
            let track = catalogue.track(pickTrack(genres: genres, rng: &rng))
            let artist = catalogue.artists[track.artistIndices[0]].name
            tracks.append(MentionedTrack(title: track.title, artist: artist))
            artists.append(artist)
            text += " like \"\(track.title)\" by \(artist)"
        }
        if rng.chance(0.35) {
            var named: [String] = []
            let wanted = rng.nextInt(in: 1...3)
            for _ in 0..<wanted * 3 where named.count < wanted {
                let track = pickTrack(genres: genres, rng: &rng)
                let name = catalogue.artists[Int(catalogue.tracks[track].artist)].name
                if !named.contains(name), !artists.contains(name) { named.append(name) }
            }
            artists += named
            text += (tracks.isEmpty ? ", think " : " and ") + Self.list(named)
        }
        return WorldPrompt(
            text: text, specificity: specificity, genres: genres, mentionedArtists: artists,
            mentionedTracks: tracks)
    }

    private func body(
        _ specificity: WorldPrompt.Specificity, words: [String], genres: [String],
        rng: inout SplitMix64
    ) -> String {
        let occasion = Self.occasions[rng.nextInt(below: Self.occasions.count)]
        let genreText = genres.joined(separator: " and ")
        switch specificity {
        case .broad:
            let templates = genres.isEmpty
                ? ["\(words[0]) vibes", "something \(words[0]) for \(occasion)", "\(words[0]) songs"]
                : ["\(words[0]) \(genreText)", "some \(words[0]) \(genreText) for \(occasion)"]
            return templates[rng.nextInt(below: templates.count)]
        case .balanced:
            let templates = [
                "\(words[0]) and \(words[1]) \(genreText) for \(occasion)",
                "a \(words[0]) \(genreText) playlist with a \(words[1]) feel",
                "\(genreText) that feels \(words[0]) but \(words[1])",
            ]
            return templates[rng.nextInt(below: templates.count)]
        case .specific:
            let rest = words.dropFirst(2).joined(separator: " and ")
            let texture = Self.textures[rng.nextInt(below: Self.textures.count)]
            return "\(words[0]), \(words[1]) \(genreText) with \(texture), \(rest) energy "
                + "and nothing too polished — perfect for \(occasion)"
        }
    }

    /// A track from the prompt's genres when it has any, else a popular one.
    private func pickTrack(genres: [String], rng: inout SplitMix64) -> Int {
        var pool: [Int] = []
        for genre in genres { pool += catalogue.artistIndices(inGenre: genre).prefix(15) }
        if pool.isEmpty { pool = Array(catalogue.userTopArtistIndices.prefix(20)) }
        if pool.isEmpty { pool = [0] }
        let artist = catalogue.artists[pool[rng.nextInt(below: pool.count)]]
        return artist.trackRange.lowerBound + rng.nextInt(below: max(1, artist.trackRange.count))
    }

    private static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Occasions without mood words, so they do not change what the prompt asks for.
    private static let occasions = [
        "the weekend", "a long train ride", "cooking dinner", "a rooftop hangout", "the commute",
        "getting ready to go out", "a quiet evening at home", "a backyard barbecue",
        "an afternoon at the office", "a long walk", "hosting friends", "a gallery opening",
    ]

    private static let textures = [
        "deep basslines", "warm analog synths", "steel drums", "crisp snares", "lush strings",
        "jangly guitars", "soft vocals", "big choruses", "live horns", "hazy reverb",
    ]
}
