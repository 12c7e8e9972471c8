import PerfbenchRecording

/// What the log says about the intent, mood, evaluation and strategy LLM answers, gathered while reading the workflow,
/// so that the two inferred LLM exchanges can carry answers the replayed pipeline acts on.
///
/// The log never prints the answers themselves, but it prints what the workflow did with them:
/// the primary genre and mention count (`Intent analysis completed …`), the feature weights, the
/// genres searched for anchors (primary first) and the artists searched. Without those the
/// replayed pipeline would fall back to an empty mood and make a dozen calls instead of hundreds.
/// Feature *targets* are not logged (only their names); each gets a neutral middle range.
struct MoodlistLLMFacts {
    var intentFields: [String: String] = [:]
    var featureNames: [String] = []
    var featureWeights: [String: Double] = [:]
    var genres: [String] = []
    var artists: [String] = []
    var calls: [MoodlistLLMCall] = []
    var strategies: [String] = []

    /// Reads the facts a line holds; true when it held one.
    mutating func read(_ line: MoodlistLogLine) -> Bool {
        let event = line.event
        if event.hasPrefix("Intent analysis completed") {
            intentFields = line.fields
        } else if let list = event.after("Target features: ") {
            featureNames = Self.pythonItems(list).map { $0.key }
        } else if let dict = event.after("Feature weights: ") {
            for item in Self.pythonItems(dict) { featureWeights[item.key] = Double(item.value) }
        } else if let genre = event.after("Searching anchor tracks for genre: ") {
            // Exact duplicates only: the backend searched both `G-Funk` (the primary genre) and
            // `g-funk` (a keyword) in the 2025-10-31 run.
            if !genres.contains(genre) { genres.append(genre) }
        } else if let artist = event.after("Searching for artist: ") {
            if !artists.contains(artist) { artists.append(artist) }
        } else {
            return false
        }
        return true
    }

    /// The chat-completions response body for `call`: its own content when the log showed what
    /// the answer held, else one built from the facts (intent, mood, strategy); nil (the
    /// replayed pipeline takes its fallback) when neither.
    func responseBody(for call: MoodlistLLMCall) -> String? {
        if let content = call.content { return Self.envelope(content) }
        let content: String
        switch call.task {
        case "intent_analysis":
            let mentioned = Int(intentFields["mentioned_artists_count"] ?? "") ?? 0
            let names = artists.prefix(mentioned).map(Self.quoted).joined(separator: ",")
            content = "{\"intent_type\":\(Self.quoted(intentFields["intent_type"] ?? "mood_variety")),"
                + "\"primary_genre\":\(Self.quoted(intentFields["primary_genre"] ?? genres.first ?? "")),"
                + "\"mentioned_artists\":[\(names)],\"mentioned_tracks\":[]}"
        case "mood_analysis":
            let targets = featureNames.compactMap { name -> String? in
                guard let range = Self.neutralRange[name] else { return nil }
                return "\(Self.quoted(name)):[\(range.0),\(range.1)]"
            }.joined(separator: ",")
            let weights = featureWeights.keys.sorted().map { "\(Self.quoted($0)):\(featureWeights[$0] ?? 0.5)" }
                .joined(separator: ",")
            // Anchors search the primary genre first, then the mood's keywords.
            let keywords = genres.dropFirst().map(Self.quoted).joined(separator: ",")
            let suggested = artists.map(Self.quoted).joined(separator: ",")
            content = "{\"mood_label\":\"imported\",\"target_features\":{\(targets)},\"feature_weights\":{\(weights)},"
                + "\"genre_keywords\":[\(keywords)],\"artist_recommendations\":[\(suggested)]}"
        case "improvement_strategy":
            content = "{\"strategies\":[\(strategies.map(Self.quoted).joined(separator: ","))],\"reasoning\":\"imported\"}"
        default:
            return nil
        }
        return Self.envelope(content)
    }

    /// A chat-completions response whose message content is `content`.
    static func envelope(_ content: String) -> String {
        "{\"id\":\"chatcmpl-import\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\(quoted(content))},\"finish_reason\":\"stop\"}]}"
    }

    private static let neutralRange: [String: (Double, Double)] = [
        "acousticness": (0.3, 0.7), "danceability": (0.4, 0.8), "energy": (0.4, 0.8), "instrumentalness": (0.0, 0.4),
        "liveness": (0.0, 0.4), "loudness": (-10, -4), "speechiness": (0.0, 0.3), "tempo": (90, 130),
        "valence": (0.4, 0.8), "popularity": (30, 80),
    ]

    /// `['a', 'b']` or `{'a': 1.0, 'b': 0.5}` as logged by Python, to key/value pairs.
    static func pythonItems(_ text: String) -> [(key: String, value: String)] {
        var body = text.trimmingSpaces()
        if let first = body.first, "[{".contains(first) { body.removeFirst() }
        if let last = body.last, "]}".contains(last) { body.removeLast() }
        return body.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingSpaces().trimmingQuotes() }
            guard let key = pieces.first, !key.isEmpty else { return nil }
            return (key, pieces.count > 1 ? pieces[1] : "")
        }
    }

    /// A JSON string literal (the native format's own escaping).
    static func quoted(_ text: String) -> String {
        var output = JSONOutput()
        output.string(text)
        return String(decoding: output.bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate func trimmingQuotes() -> String {
        var text = self
        while let first = text.first, first == "'" || first == "\"" { text.removeFirst() }
        while let last = text.last, last == "'" || last == "\"" { text.removeLast() }
        return text
    }
}

/// One LLM call the log brackets: the line before it and the line that reports its answer.
struct MoodlistLLMCall {
    var task: String
    var start: Int
    var duration: Int
    var stage: String
    /// The answer's content (a JSON object as text) when the log shows what it held.
    var content: String?
}
