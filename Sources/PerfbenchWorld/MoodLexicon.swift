/// Mood words and what they mean in audio-feature terms: the simulated LLM's "understanding".
///
/// An entry sets a few targets (0–1 features, `tempo` in BPM, `loudness` in dB, `mode`) and names
/// genres that suit it. Prompts from ``WorldPrompts`` use these words, so answers follow prompts.
struct MoodEntry: Sendable {
    let label: String
    /// Words that signal the mood when found in a prompt.
    let words: [String]
    /// Adjectives prompts are written with (each also in `words`).
    let phrases: [String]
    let targets: [(String, Double)]
    let genres: [String]
}

enum MoodLexicon {
    static let entries: [MoodEntry] = [
        MoodEntry(
            label: "chill",
            words: [
                "chill", "relaxed", "calm", "mellow", "laid-back", "lazy", "unwind", "sunday"
            ],
            phrases: ["chill", "relaxed", "mellow", "laid-back", "calm"],
            targets: [("energy", 0.32), ("valence", 0.55), ("tempo", 92), ("acousticness", 0.55)],
            genres: ["downtempo", "lo-fi hip hop", "chillwave", "neo soul"]),
        MoodEntry(
            label: "melancholy",
            words: [
                "sad", "melancholy", "melancholic", "heartbreak", "heartbroken", "lonely",
                "rainy", "blue"
            ],
            phrases: ["sad", "melancholy", "heartbroken", "lonely", "rainy"],
            targets: [("valence", 0.18), ("energy", 0.32), ("mode", 0), ("acousticness", 0.6)],
            genres: ["indie folk", "singer-songwriter", "piano", "americana"]),
        MoodEntry(
            label: "joyful",
            words: [
                "happy", "sunny", "upbeat", "cheerful", "joyful", "feel-good", "bright",
                "summer"
            ],
            phrases: ["happy", "sunny", "upbeat", "cheerful", "feel-good"],
            targets: [("valence", 0.82), ("energy", 0.7), ("danceability", 0.7), ("mode", 1)],
            genres: ["pop", "dance pop", "funk", "disco"]),
        MoodEntry(
            label: "party",
            words: [
                "party", "dance", "dancing", "club", "banger", "bangers", "friday", "danceable",
                "club-ready", "festive"
            ],
            phrases: ["danceable", "club-ready", "festive"],
            targets: [("energy", 0.85), ("danceability", 0.85), ("tempo", 124), ("loudness", -5)],
            genres: ["house", "dance pop", "reggaeton", "electropop"]),
        MoodEntry(
            label: "workout",
            words: [
                "workout", "gym", "running", "run", "pump", "lifting", "cardio", "hype", "high-energy", "pumped-up"
            ],
            phrases: ["high-energy", "pumped-up", "hype"],
            targets: [("energy", 0.9), ("tempo", 138), ("danceability", 0.7), ("loudness", -4.5)],
            genres: ["trap", "drum and bass", "pop punk", "hip hop"]),
        MoodEntry(
            label: "focus",
            words: [
                "focus", "study", "studying", "concentration", "coding", "work", "reading",
                "focused", "studious", "distraction-free"
            ],
            phrases: ["focused", "studious", "distraction-free"],
            targets: [("instrumentalness", 0.82), ("speechiness", 0.04), ("energy", 0.38)],
            genres: ["ambient", "lo-fi hip hop", "post-rock", "classical"]),
        MoodEntry(
            label: "sleepy", words: ["sleep", "sleepy", "bedtime", "drowsy", "lullaby", "soothing"],
            phrases: ["sleepy", "drowsy", "soothing"],
            targets: [("energy", 0.12), ("acousticness", 0.82), ("instrumentalness", 0.72), ("tempo", 70)],
            genres: ["ambient", "piano", "classical"]),
        MoodEntry(
            label: "angry", words: ["angry", "rage", "aggressive", "furious", "heavy", "mosh"],
            phrases: ["angry", "aggressive", "furious", "heavy"],
            targets: [("energy", 0.95), ("valence", 0.2), ("loudness", -3.5), ("tempo", 150)],
            genres: ["metal", "metalcore", "punk", "heavy metal"]),
        MoodEntry(
            label: "romantic", words: ["romantic", "love", "date", "candlelit", "intimate", "slow-dance"],
            phrases: ["romantic", "intimate", "candlelit"],
            targets: [("valence", 0.6), ("energy", 0.42), ("acousticness", 0.45), ("danceability", 0.6)],
            genres: ["r&b", "neo soul", "soul", "bossa nova"]),
        MoodEntry(
            label: "nostalgic",
            words: [
                "nostalgic", "nostalgia", "throwback", "90s", "80s", "70s", "retro", "vintage"
            ],
            phrases: ["nostalgic", "retro", "vintage", "throwback"],
            targets: [("valence", 0.6), ("acousticness", 0.3), ("popularity", 70)],
            genres: ["classic rock", "disco", "g-funk", "soul"]),
        MoodEntry(
            label: "cruising",
            words: [
                "cruising", "driving", "drive", "road", "highway", "roadtrip", "road-trip",
                "windows-down"
            ],
            phrases: ["cruising", "road-trip", "windows-down"],
            targets: [("energy", 0.66), ("valence", 0.66), ("tempo", 108), ("danceability", 0.68)],
            genres: ["g-funk", "classic rock", "funk", "indie rock"]),
        MoodEntry(
            label: "dark", words: ["dark", "moody", "brooding", "night", "late-night", "midnight", "noir"],
            phrases: ["dark", "moody", "brooding", "late-night"],
            targets: [("valence", 0.22), ("energy", 0.5), ("mode", 0)],
            genres: ["trip hop", "techno", "shoegaze", "trap"]),
        MoodEntry(
            label: "acoustic", words: ["acoustic", "unplugged", "campfire", "stripped", "stripped-back"],
            phrases: ["acoustic", "unplugged", "stripped-back"],
            targets: [("acousticness", 0.88), ("energy", 0.35)],
            genres: ["folk", "singer-songwriter", "bluegrass"]),
        MoodEntry(
            label: "live", words: ["live", "concert", "festival", "crowd", "festival-sized"],
            phrases: ["live", "festival-sized"],
            targets: [("liveness", 0.7), ("energy", 0.75)],
            genres: ["rock", "indie rock", "house"]),
        MoodEntry(
            label: "lyrical",
            words: [
                "rap", "bars", "lyrics", "verses", "flow", "spitting", "lyrical", "wordy", "bar-heavy"
            ],
            phrases: ["lyrical", "wordy", "bar-heavy"],
            targets: [("speechiness", 0.3), ("danceability", 0.75)],
            genres: ["hip hop", "boom bap", "gangsta rap"]),
        MoodEntry(
            label: "cinematic", words: ["epic", "cinematic", "soaring", "grand", "orchestral", "trailer"],
            phrases: ["epic", "cinematic", "soaring"],
            targets: [("instrumentalness", 0.7), ("energy", 0.62), ("valence", 0.3)],
            genres: ["soundtrack", "post-rock", "classical"]),
        MoodEntry(
            label: "dreamy", words: ["dreamy", "ethereal", "hazy", "floating", "spacey", "woozy"],
            phrases: ["dreamy", "ethereal", "hazy"],
            targets: [("energy", 0.45), ("acousticness", 0.3), ("instrumentalness", 0.45), ("valence", 0.4)],
            genres: ["shoegaze", "chillwave", "ambient", "indie pop"]),
        MoodEntry(
            label: "groovy",
            words: [
                "groovy", "funky", "groove", "grooves", "basslines", "bassline", "swagger"
            ],
            phrases: ["groovy", "funky"],
            targets: [("danceability", 0.82), ("valence", 0.72), ("energy", 0.66)],
            genres: ["funk", "disco", "g-funk", "afrobeats"]),
        MoodEntry(
            label: "tropical",
            words: [
                "tropical", "island", "beach", "caribbean", "vacation", "steel", "palm",
                "beachy"
            ],
            phrases: ["tropical", "island", "beachy"],
            targets: [("valence", 0.8), ("danceability", 0.78), ("energy", 0.66), ("tempo", 104)],
            genres: ["reggae", "soca", "calypso", "dancehall", "reggae fusion"]),
        MoodEntry(
            label: "latin", words: ["latin", "salsa", "fiesta", "caliente", "spanish"],
            phrases: ["latin", "caliente"],
            targets: [("danceability", 0.78), ("valence", 0.75), ("energy", 0.74)],
            genres: ["latin pop", "salsa", "reggaeton", "bachata", "cumbia"]),
        MoodEntry(
            label: "smooth", words: ["smooth", "jazzy", "silky", "lounge", "cocktail", "sophisticated"],
            phrases: ["smooth", "jazzy", "silky"],
            targets: [("energy", 0.42), ("acousticness", 0.5), ("instrumentalness", 0.4)],
            genres: ["smooth jazz", "jazz", "bossa nova", "neo soul"]),
        MoodEntry(
            label: "confident",
            words: [
                "confident", "boss", "swag", "powerful", "victory", "triumphant", "swaggering"
            ],
            phrases: ["confident", "triumphant", "swaggering"],
            targets: [("energy", 0.78), ("valence", 0.6), ("loudness", -5)],
            genres: ["hip hop", "trap", "dance pop"]),
        MoodEntry(
            label: "uplifting", words: ["uplifting", "hopeful", "inspiring", "sunrise", "morning", "fresh"],
            phrases: ["uplifting", "hopeful", "inspiring"],
            targets: [("valence", 0.7), ("energy", 0.6), ("mode", 1)],
            genres: ["indie pop", "gospel", "trance", "afrobeats"]),
    ]

    /// Entry index by word.
    static let entryByWord: [String: Int] = {
        var map: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            for word in entry.words { map[word] = position }
        }
        return map
    }()
}
