import PerfbenchPipeline
import PerfbenchRecording
import Testing

@testable import PerfbenchReplay

/// Time a log shows between agents is replayed as it was, in a visible stage (issue 13 §2).
@Suite("Observed time between agents")
struct ObservedGapTests {
    static func stage(_ path: String, _ start: Int, _ duration: Int) -> RecordingEvent {
        .stage(StageSpan(name: path, path: path, startMicros: start, durationMicros: duration))
    }

    @Test func eachGapIsFiledBeforeTheStageThatStartsWhereItEnds() {
        let recording = Recording(
            header: RecordingHeader(createdAt: "2025-10-31T14:16:01Z", configName: "baseline", prompt: "p"),
            events: [
                Self.stage("intent_analysis", 0, 9_000_000),
                Self.stage(StageSpan.betweenAgents, 9_000_000, 2_000_000),
                Self.stage("mood_analysis", 11_000_000, 10_000_000),
                Self.stage(StageSpan.betweenAgents, 21_000_000, 5_000_000),
                Self.stage("orchestration", 26_000_000, 100_000_000),
                Self.stage("playlist_ordering", 126_000_000, 10_000_000),
                Self.stage(StageSpan.betweenAgents, 136_000_000, 4_000_000),
                Self.stage(StageSpan.betweenAgents, 140_000_000, 0),
            ])
        let gaps = ReplayIndex.observedGaps(recording)
        #expect(gaps == [
            .beforeMoodAnalysis: .seconds(2), .beforeOrchestration: .seconds(5), .afterOrdering: .seconds(4),
        ])
    }

    @Test func aRecordingWithoutGapsHasNone() {
        let recording = Recording(
            header: RecordingHeader(createdAt: "2025-10-31T14:16:01Z", configName: "baseline", prompt: "p"),
            events: [Self.stage("intent_analysis", 0, 9_000_000), Self.stage("mood_analysis", 9_000_000, 1_000_000)])
        #expect(ReplayIndex.observedGaps(recording).isEmpty)
    }
}
