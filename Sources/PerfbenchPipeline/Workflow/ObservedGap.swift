import PerfbenchRecording

/// Time a recorded run spent between its top-level agents that no upstream call explains: the
/// older backend's database writes and status updates between agents (seconds in the 2025-10-31
/// log), a token refresh before orchestration. A log import measures it; a replay spends it
/// again, unchanged by any toggle, in a visible `between_agents` stage, so the total stays the
/// recorded one instead of losing that time (issue 13 §2).
public enum ObservedGap: String, Sendable, Hashable, CaseIterable {
    /// After intent analysis, before mood analysis.
    case beforeMoodAnalysis = "before mood_analysis"
    /// After mood analysis, before orchestration.
    case beforeOrchestration = "before orchestration"
    /// After orchestration, before playlist ordering.
    case beforeOrdering = "before playlist_ordering"
    /// After playlist ordering, before the workflow ends.
    case afterOrdering = "after playlist_ordering"

    /// The stage name the gap replays under.
    public static let stageName = StageSpan.betweenAgents

    /// The top-level stage that follows the gap (nil for the last one).
    public var nextStage: String? {
        switch self {
        case .beforeMoodAnalysis: "mood_analysis"
        case .beforeOrchestration: "orchestration"
        case .beforeOrdering: "playlist_ordering"
        case .afterOrdering: nil
        }
    }
}

extension WorkflowContext {
    /// Spends the input's observed gap `gap`, if any, as a `between_agents` stage.
    func spendObservedGap(_ gap: ObservedGap) async throws {
        guard let duration = input.observedGaps[gap], duration > .zero else { return }
        try await stage(ObservedGap.stageName) { try await session.clock.sleep(for: duration) }
    }
}
