import Foundation

/// The shape of one logged run's prompt, rebuilt over a seed's catalogue.
///
/// A profile that models a real run (`nov07`, `oct31`) asks its prompt 0 the way the
/// real user asked: the same words, and where the user named artists, as many artists of the
/// same genre from this seed's catalogue (the catalogue's names are invented, so the real names
/// would match nothing). The prompt drives the mood reading, the playlist size and whether the
/// user-anchor strategy runs, so it moves every stage time.
public struct RunPrompt: Sendable, Hashable {
    /// The prompt text; `{artists}` stands for the named artists ("A, B and C").
    public var template: String
    /// The catalogue genre the named artists are taken from, most popular first.
    public var mentionGenre: String?
    /// How many artists the prompt names (0: none, and `{artists}` should not appear).
    public var mentionCount: Int

    /// A run prompt; `mentionCount` artists of `mentionGenre` fill `{artists}`.
    public init(template: String, mentionGenre: String? = nil, mentionCount: Int = 0) {
        self.template = template
        self.mentionGenre = mentionGenre
        self.mentionCount = mentionCount
    }

    /// The prompt over `catalogue`: the template with the genre's first `mentionCount` artists.
    public func prompt(in catalogue: Catalogue) -> WorldPrompt {
        var names: [String] = []
        if let genre = mentionGenre, mentionCount > 0 {
            for index in catalogue.artistIndices(inGenre: genre) where names.count < mentionCount {
                let name = catalogue.artists[index].name
                if !names.contains(name) { names.append(name) }
            }
        }
        let text = template.replacingOccurrences(of: "{artists}", with: Self.list(names))
        let reading = MoodReading(prompt: text, catalogue: catalogue)
        return WorldPrompt(
            text: text, specificity: reading.specific ? .specific : reading.broad ? .broad : .balanced,
            genres: reading.mentionedGenres.map { GenreTable.all[$0].name },
            mentionedArtists: reading.mentionedArtists, mentionedTracks: reading.mentionedTracks)
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}

/// How the simulated LLM judges where a logged run shows a stricter or a more selective model
/// than the world's default answers.
public struct LLMAnswerTuning: Sendable, Hashable {
    /// Added to the 0–1 score of quality and final evaluations. The 2025-11-07 model scored its
    /// playlist 0.65 and then 0.55, well below what the features alone suggest, which is why
    /// that run regenerated.
    public var evaluationOffset: Double
    /// At most this many artists survive the batch validation (nil: every fitting artist up to
    /// the requested count). The 2025-11-07 validation kept 12 of 30.
    public var validatedArtistLimit: Int?

    /// The default answers: no offset, no extra cap.
    public init(evaluationOffset: Double = 0, validatedArtistLimit: Int? = nil) {
        self.evaluationOffset = evaluationOffset
        self.validatedArtistLimit = validatedArtistLimit
    }
}
