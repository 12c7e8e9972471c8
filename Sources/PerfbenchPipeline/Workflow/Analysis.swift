import PerfbenchRecording

/// Intent and mood analysis: one LLM call each, then local target planning.
enum Analysis {
    static func intent(_ context: WorkflowContext) async throws -> IntentAnswer {
        let answer = try await context.llm.ask(.intentAnalysis, LLMRequestInput(prompt: context.input.prompt))
        return IntentAnswer(
            intentType: answer?["intent_type"]?.stringValue,
            mentionedTracks: (answer?["mentioned_tracks"]?.arrayValue ?? []).compactMap { item in
                guard let title = item["title"]?.stringValue, let artist = item["artist"]?.stringValue
                else { return nil }
                return MentionedTrack(title: title, artist: artist)
            },
            mentionedArtists: answer?["mentioned_artists"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            primaryGenre: answer?["primary_genre"]?.stringValue)
    }

    static func mood(_ context: WorkflowContext) async throws -> MoodProfile {
        guard let answer = try await context.llm.ask(.moodAnalysis, LLMRequestInput(prompt: context.input.prompt)),
            let targetObject = answer["target_features"]?.objectValue
        else { return .fallback }
        var targets: [String: ClosedRange<Double>] = [:]
        for member in targetObject.members {
            let values = member.value.arrayValue?.compactMap(\.doubleValue) ?? [member.value.doubleValue].compactMap { $0 }
            guard let low = values.min(), let high = values.max() else { continue }
            targets[member.key] = low...high
        }
        var weights: [String: Double] = [:]
        for member in answer["feature_weights"]?.objectValue?.members ?? [] {
            if let weight = member.value.doubleValue { weights[member.key] = weight }
        }
        guard !targets.isEmpty else { return .fallback }
        return MoodProfile(
            targets: targets, weights: weights,
            genres: answer["genre_keywords"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            suggestedArtists: answer["artist_recommendations"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            label: answer["mood_label"]?.stringValue ?? "")
    }

    /// Runs both stages and plans the playlist.
    static func run(_ context: WorkflowContext) async throws -> Understanding {
        let intent = try await context.stage("intent_analysis") { try await Self.intent(context) }
        try await context.spendObservedGap(.beforeMoodAnalysis)
        let mood = try await context.stage("mood_analysis") { try await Self.mood(context) }
        try await context.spendObservedGap(.beforeOrchestration)
        var target = PlaylistTarget.planned(for: mood)
        if case .fixed(let threshold) = context.config.qualityThreshold {
            target.qualityThreshold = threshold
        }
        return Understanding(
            mentionedTracks: intent.mentionedTracks ?? [], mentionedArtists: intent.mentionedArtists ?? [],
            primaryGenre: intent.primaryGenre, mood: mood, target: target)
    }
}
