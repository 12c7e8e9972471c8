import Foundation
import PerfbenchPipeline

/// What the simulated LLM reads from a prompt: mentions, mood words, genres, and the feature
/// targets they imply. Deterministic in (prompt, catalogue), so every task of a workflow sees the
/// same reading without the LLM keeping state.
struct MoodReading {
    var mentionedArtists: [String] = []
    var mentionedTracks: [MentionedTrack] = []
    var moods: [Int] = []
    var genres: [Int] = []
    var mentionedGenres: [Int] = []
    /// Feature → (target, weight), in `AudioFeatures.names` order when rendered.
    var targets: [String: (value: Double, weight: Double)] = [:]
    var specific = false
    /// A short prompt with one mood at most: the analysis names at most four targets.
    var broad = false
    var hash: UInt64 = 0

    init(prompt: String, catalogue: Catalogue) {
        hash = StableHasher.hash(prompt)
        let (mentionTracks, mentionArtists, residue) = Self.mentions(in: prompt, catalogue: catalogue)
        mentionedTracks = mentionTracks
        mentionedArtists = mentionArtists
        let lowered = residue.lowercased()
        let words = lowered.split(whereSeparator: Self.isSeparator).map(String.init)
        for (position, tokens) in Self.genreTokens.enumerated() where Self.contains(words, tokens) {
            mentionedGenres.append(position)
        }
        for word in words {
            if let entry = MoodLexicon.entryByWord[word], !moods.contains(entry) { moods.append(entry) }
        }
        // Broad prompts ("chill vibes") set a few targets; detailed ones set nearly all of them.
        let richness = moods.count + mentionedGenres.count + (words.count >= 18 ? 1 : 0)
        specific = richness >= 4
        broad = moods.count <= 1 && words.count <= 9
        buildTargets()
        buildGenres()
    }

    private mutating func buildTargets() {
        var sums: [String: (total: Double, count: Double)] = [:]
        for entry in moods {
            for (name, value) in MoodLexicon.entries[entry].targets {
                let current = sums[name] ?? (0, 0)
                sums[name] = (current.total + value, current.count + 1)
            }
        }
        for name in Self.targetOrder {
            guard let sum = sums[name] else { continue }
            targets[name] = (sum.total / sum.count, 0.85 + 0.15 * unit(name))
        }
        let centreGenres = mentionedGenres.isEmpty ? moods.flatMap { entryGenres($0) } : mentionedGenres
        if broad {
            // Keep the four strongest targets, in the fixed order for ties.
            let kept = Self.targetOrder.filter { targets[$0] != nil }
                .sorted { (targets[$0]?.weight ?? 0) > (targets[$1]?.weight ?? 0) }
                .prefix(4)
            targets = targets.filter { kept.contains($0.key) }
        }
        if !broad || targets.isEmpty {
            // Fill the rest from the genres' centres, with lower weights, as a detailed mood
            // analysis names every feature.
            let pool = centreGenres.isEmpty ? [0] : centreGenres
            func average(_ value: (GenreProfile) -> Double) -> Double {
                pool.map { value(GenreTable.all[$0]) }.reduce(0, +) / Double(pool.count)
            }
            let fill: [(String, Double)] = [
                ("energy", average(\.energy)), ("valence", average(\.valence)),
                ("danceability", average(\.danceability)), ("acousticness", average(\.acousticness)),
                ("instrumentalness", average(\.instrumentalness)), ("speechiness", average(\.speechiness)),
                ("tempo", average(\.tempo)), ("liveness", 0.15), ("loudness", -8),
                ("mode", average(\.valence) > 0.5 ? 1 : 0), ("key", Double(hash % 12)),
            ]
            // Detailed prompts name every feature, balanced ones about six, broad ones four.
            let wanted = specific ? fill.count : broad ? 4 : 6
            for (name, value) in fill where targets[name] == nil && targets.count < wanted {
                targets[name] = (value, 0.3 + 0.45 * unit(name))
            }
        }
    }

    private mutating func buildGenres() {
        var result = mentionedGenres
        for entry in moods {
            for genre in entryGenres(entry) where !result.contains(genre) { result.append(genre) }
        }
        if result.isEmpty {
            // Nearest genres to the targets, as a model would guess a genre from a mood alone.
            let centre = self.centre
            let distances = GenreTable.all.map { Self.vector($0).distance(to: centre) }
            let ranked = GenreTable.all.indices.sorted {
                distances[$0] != distances[$1] ? distances[$0] < distances[$1] : $0 < $1
            }
            result = Array(ranked.prefix(4))
        }
        genres = Array(result.prefix(specific ? 7 : 4))
    }

    private func entryGenres(_ entry: Int) -> [Int] {
        MoodLexicon.entries[entry].genres.compactMap { GenreTable.indexByName[$0] }
    }

    /// A stable 0–1 number per feature name, so weights vary between prompts but not between calls.
    private func unit(_ name: String) -> Double {
        Double(StableHasher.hash(name, seed: hash) >> 11) * 0x1.0p-53
    }

    /// The targets as a distance centre; unset features take middle values.
    var centre: FeatureVector {
        var vector = FeatureVector.mean(of: [])
        for name in Self.targetOrder {
            if let target = targets[name] { vector.set(name, target.value) }
        }
        return vector
    }

    /// How well a track's features fit the mood, 0–1 (0.55 ± a little when features are unknown).
    func score(_ features: [String: Double]?, id: String) -> Double {
        let jitter = Double(StableHasher.hash(id, seed: hash) % 1000) / 1000
        guard let features, !features.isEmpty else { return round2(0.5 + 0.1 * jitter) }
        var distanceSum = 0.0
        var weightSum = 0.0
        // Dictionary order differs per process; a fixed order keeps the float sums identical.
        for name in Self.targetOrder {
            guard let target = targets[name], let value = features[name],
                let tolerance = Self.tolerance[name]
            else { continue }
            distanceSum += target.weight * min(1, abs(value - target.value) / tolerance)
            weightSum += target.weight
        }
        let fit = weightSum > 0 ? 1 - distanceSum / weightSum : 0.6
        return round2(min(1, max(0, 0.92 * fit + 0.08 * jitter)))
    }

    /// Every target name, in the order sums and renderings use.
    static let targetOrder = AudioFeatures.names + ["popularity"]

    /// Tolerances of the quality math (PIPELINE.md §6), doubled so the score falls off gently.
    static let tolerance: [String: Double] = [
        "speechiness": 0.4, "instrumentalness": 0.4, "energy": 0.5, "valence": 0.5,
        "danceability": 0.5, "acousticness": 0.6, "liveness": 0.6, "tempo": 70, "loudness": 10,
        "popularity": 50,
    ]

    private static func vector(_ genre: GenreProfile) -> FeatureVector {
        FeatureVector(
            AudioFeatures(
                acousticness: genre.acousticness, danceability: genre.danceability,
                energy: genre.energy, instrumentalness: genre.instrumentalness, liveness: 0.15,
                speechiness: genre.speechiness, valence: genre.valence, loudness: -8,
                tempo: genre.tempo, key: 0, mode: 1))
    }

    private static func isSeparator(_ character: Character) -> Bool {
        character == " " || character == "," || character == "." || character == "—"
            || character == ";" || character == ":" || character == "!" || character == "?"
    }

    /// Each genre name as words, to find it in a prompt's words.
    private static let genreTokens: [[String]] = GenreTable.all.map {
        $0.name.split(separator: " ").map(String.init)
    }

    /// Whether `sequence` occurs in `words` as consecutive words.
    private static func contains(_ words: [String], _ sequence: [String]) -> Bool {
        guard !sequence.isEmpty, words.count >= sequence.count else { return false }
        for start in 0...(words.count - sequence.count) where words[start] == sequence[0] {
            var matches = true
            for offset in 1..<sequence.count where words[start + offset] != sequence[offset] {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }

    /// Finds `"Title" by Artist` mentions and artist names (exact, case-sensitive catalogue
    /// names); returns them and the prompt with them blanked out.
    static func mentions(
        in prompt: String, catalogue: Catalogue
    ) -> ([MentionedTrack], [String], String) {
        var tracks: [MentionedTrack] = []
        var artists: [String] = []
        var residue = ""
        let tokens = prompt.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var position = 0
        while position < tokens.count {
            let token = tokens[position]
            if token.hasPrefix("\"") {
                // A quoted title runs to the token that ends with a quote (punctuation allowed).
                var end = position
                while end < tokens.count {
                    let stripped = Self.stripPunctuation(tokens[end])
                    if stripped.hasSuffix("\""), end > position || stripped.count > 1 { break }
                    end += 1
                }
                if end < tokens.count {
                    let title = tokens[position...end].joined(separator: " ")
                    let cleanTitle = Self.stripPunctuation(title).trimmingCharacters(in: "\"")
                    if end + 1 < tokens.count, tokens[end + 1] == "by",
                        let (name, length) = longestArtist(tokens, from: end + 2, catalogue: catalogue)
                    {
                        tracks.append(MentionedTrack(title: cleanTitle, artist: name))
                        if !artists.contains(name) { artists.append(name) }
                        position = end + 2 + length
                        continue
                    }
                    position = end + 1
                    continue
                }
            }
            if let first = token.first, first.isUppercase,
                let (name, length) = longestArtist(tokens, from: position, catalogue: catalogue)
            {
                if !artists.contains(name) { artists.append(name) }
                position += length
                continue
            }
            residue += token + " "
            position += 1
        }
        return (tracks, artists, residue)
    }

    private static func longestArtist(
        _ tokens: [String], from start: Int, catalogue: Catalogue
    ) -> (String, Int)? {
        guard start < tokens.count else { return nil }
        for length in stride(from: min(6, tokens.count - start), through: 1, by: -1) {
            let candidate = stripPunctuation(tokens[start..<start + length].joined(separator: " "))
            if catalogue.artistByName[candidate] != nil { return (candidate, length) }
        }
        return nil
    }

    private static func stripPunctuation(_ text: String) -> String {
        var view = Substring(text)
        while let last = view.last, ",;:!?.)".contains(last) { view = view.dropLast() }
        while let first = view.first, first == "(" { view = view.dropFirst() }
        return String(view)
    }
}

func round2(_ value: Double) -> Double {
    (value * 100).rounded() / 100
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var view = Substring(self)
        while view.first == character { view = view.dropFirst() }
        while view.last == character { view = view.dropLast() }
        return String(view)
    }
}
