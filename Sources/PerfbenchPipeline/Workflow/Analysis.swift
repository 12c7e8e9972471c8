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
        let answer = try await context.llm.ask(.moodAnalysis, LLMRequestInput(prompt: context.input.prompt))
        return MoodProfile(answer: answer)
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
