import PerfbenchTestSupport
import Foundation
import Testing

@testable import PerfbenchImport
import PerfbenchRecording

/// The configuration an import reads from the backend's own lines (issue 13 §1).
@Suite("Moodlist log: configuration inferred from the log")
struct MoodlistConfigInferenceTests {
    /// A workflow of a newer backend: a Redis cache at start-up, two artists in flight at once,
    /// slow-request lines, 16-track energy batches and narrower genre searches.
    static let newerBackend = """
        2025-11-11T15:13:28.300364Z [info     ] Using Valkey/Redis cache at redis://REDACTED@cache.example:6379 [app.agents.core.cache]
        2025-11-11T15:13:44.759870Z [info     ] Started workflow wf-9 for mood: calm [app.agents.workflows.workflow_manager]
        2025-11-11T15:13:44.762316Z [info     ] Agent intent_analyzer starting execution [app.agents.core.base_agent]
        2025-11-11T15:13:47.314542Z [info     ] Agent intent_analyzer completed execution in 2.552136s [app.agents.core.base_agent]
        2025-11-11T15:14:36.924437Z [info     ] Searching Spotify for artists: 'genre:indie rock' (limit: 20) [app.agents.tools.spotify.artist_search]
        2025-11-11T15:14:37.852444Z [info     ] Searching Spotify for tracks: 'genre:indie rock' (limit: 15) [app.agents.tools.spotify.track_search]
        2025-11-11T15:14:45.797714Z [info     ] Fetching hybrid tracks for artist 1/3: AAA [app.agents.recommender.recommendation_generator.handlers.artist_pipeline]
        2025-11-11T15:14:45.798261Z [info     ] Fetching hybrid tracks for artist 2/3: BBB [app.agents.recommender.recommendation_generator.handlers.artist_pipeline]
        2025-11-11T15:15:40.710792Z [warning  ] Slow RecoBeat API request detected [app.agents.tools.agent_tools] duration_seconds=21.322979 endpoint=/v1/track/x/audio-features params=None tool=get_track_audio_features
        2025-11-11T15:15:40.760724Z [info     ] Added 3/3 tracks from artist BBB (0 filtered out) [app.agents.recommender.recommendation_generator.handlers.artist_pipeline]
        2025-11-11T15:15:40.761062Z [info     ] Fetching hybrid tracks for artist 3/3: CCC [app.agents.recommender.recommendation_generator.handlers.artist_pipeline]
        2025-11-11T15:15:41.467661Z [info     ] Added 3/3 tracks from artist AAA (0 filtered out) [app.agents.recommender.recommendation_generator.handlers.artist_pipeline]
        2025-11-11T15:15:42.467661Z [info     ] Added 3/3 tracks from artist CCC (0 filtered out) [app.agents.recommender.recommendation_generator.handlers.artist_pipeline]
        2025-11-11T15:18:37.089384Z [warning  ] Slow RecoBeat API request detected [app.agents.tools.agent_tools] duration_seconds=139.918697 endpoint=/v1/track params=None tool=get_multiple_tracks
        2025-11-11T15:26:49.340263Z [info     ] Analyzing energy characteristics for 18 tracks in batches of 16 [app.agents.recommender.playlist_orderer.ordering_agent]
        2025-11-11T15:26:58.268574Z [info     ] Workflow wf-9 completed in 793.51s [app.agents.workflows.workflow_manager]
        """

    @Test func eachTogglesValueComesWithTheLinesThatShowIt() throws {
        let imported = try MoodlistLogImporter().importText(Self.newerBackend, path: "newer.log")
        let workflow = try #require(imported.workflows.first)
        let byPhase = Dictionary(uniqueKeysWithValues: workflow.inferredEvidence.map { ($0.phase, $0) })
        #expect(workflow.inferredEvidence.map(\.phase) == [
            "cache-tier", "discovery-artist-limit", "ordering-batch", "parallel-artists", "slow-request-log",
        ])
        #expect(byPhase["cache-tier"]?.value == "remote/0ms")
        #expect(byPhase["cache-tier"]?.lines == [1])
        #expect(byPhase["discovery-artist-limit"]?.value == "20/15/10")
        #expect(byPhase["ordering-batch"]?.value == "16")
        #expect(byPhase["ordering-batch"]?.lines == [15])
        // AAA and BBB overlap; CCC starts after BBB ends, while AAA is still open: two at most.
        #expect(byPhase["parallel-artists"]?.value == "2")
        #expect(byPhase["parallel-artists"]?.lines == [7, 8])
        #expect(byPhase["slow-request-log"]?.value == "20s")
        #expect(byPhase["slow-request-log"]?.lines == [9, 14])
        // The header carries it, with its source; the label says where it came from.
        let header = workflow.recording.header
        #expect(header.phases["parallel-artists"] == "2")
        #expect(header.configSource == "inferred from the log")
        #expect(header.configEvidence == workflow.inferredEvidence)
        #expect(header.configLabel.hasPrefix("baseline + cache-tier=remote/0ms, discovery-artist-limit=20/15/10"))
        #expect(header.configLabel.hasSuffix("and 1 more (inferred from the log)"))
    }

    @Test func aStatedConfigurationWinsAndTheInferenceIsStillReported() throws {
        let importer = MoodlistLogImporter(recordedAs: (name: "shipped-11-10", phases: ["parallel-artists": "5"]))
        let workflow = try #require(try importer.importText(Self.newerBackend, path: "newer.log").workflows.first)
        let header = workflow.recording.header
        #expect(header.configName == "shipped-11-10")
        #expect(header.phases == ["parallel-artists": "5"])
        #expect(header.configSource == "stated with --recorded-as")
        #expect(header.configEvidence.isEmpty)
        #expect(workflow.inferredEvidence.count == 5)
    }

    @Test func aLogThatShowsNothingLeavesBaseline() throws {
        let quiet = Self.newerBackend.split(separator: "\n").filter {
            !$0.contains("Valkey") && !$0.contains("Slow RecoBeat") && !$0.contains("batches of")
                && !$0.contains("genre:") && !$0.contains("hybrid tracks") && !$0.contains("Added 3/3")
        }.joined(separator: "\n")
        let workflow = try #require(try MoodlistLogImporter().importText(quiet, path: "quiet.log").workflows.first)
        #expect(workflow.inferredEvidence.isEmpty)
        #expect(workflow.recording.header.phases.isEmpty)
        #expect(workflow.recording.header.configLabel == "baseline (inferred from the log)")
    }

    @Test func evidenceSurvivesTheFileFormat() throws {
        let workflow = try #require(try MoodlistLogImporter().importText(Self.newerBackend, path: "newer.log").workflows.first)
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try workflow.recording.write(to: folder.file("newer.jsonl.gz"))
        let decoded = try Recording.load(from: folder.file("newer.jsonl.gz"))
        #expect(decoded.header == workflow.recording.header)
        #expect(workflow.inferredEvidence[0].text.hasPrefix("cache-tier=remote/0ms (line 1: "))
    }

    /// Anchor sources searched at once, and album sampling across several generator runs.
    static let anchorAndSampling = """
        2025-11-11T15:13:44.759870Z [info     ] Started workflow wf-9 for mood: calm [app.agents.workflows.workflow_manager]
        2025-11-11T15:13:44.762316Z [info     ] Agent intent_analyzer starting execution [app.agents.core.base_agent]
        2025-11-11T15:13:47.314542Z [info     ] Agent intent_analyzer completed execution in 2.552136s [app.agents.core.base_agent]
        2025-11-11T15:13:54.194325Z [info     ] Searching anchor tracks for genre: indie rock [app.agents.recommender.mood_analyzer.anchor_selection.selection_engine]
        2025-11-11T15:13:54.195776Z [info     ] Searching anchor tracks for genre: dream pop [app.agents.recommender.mood_analyzer.anchor_selection.selection_engine]
        2025-11-11T15:13:54.803850Z [info     ] Successfully found 15 tracks for query 'genre:indie rock' [app.agents.tools.spotify.track_search]
        2025-11-11T15:14:01.355425Z [info     ] Batch fetching audio features for 30 tracks from all sources [app.agents.recommender.mood_analyzer.anchor_selection.selection_engine]
        2025-11-11T15:14:45.028184Z [info     ] Agent recommendation_generator starting execution [app.agents.core.base_agent]
        2025-11-11T15:14:45.548402Z [info     ] Found 5 albums, sampling tracks for diversity [app.agents.tools.spotify.artist_search]
        2025-11-11T15:19:22.454422Z [info     ] Agent recommendation_generator completed execution in 277.426176s [app.agents.core.base_agent]
        2025-11-11T15:19:30.521787Z [info     ] Agent recommendation_generator starting execution [app.agents.core.base_agent]
        2025-11-11T15:20:01.323245Z [info     ] Agent recommendation_generator completed execution in 30.8s [app.agents.core.base_agent]
        2025-11-11T15:26:58.268574Z [info     ] Workflow wf-9 completed in 793.51s [app.agents.workflows.workflow_manager]
        """

    @Test func anchorSourcesTogetherAndAlbumSamplingPerRunAreReadFromTheirLines() throws {
        let workflow = try #require(try MoodlistLogImporter().importText(Self.anchorAndSampling, path: "a.log").workflows.first)
        let byPhase = Dictionary(uniqueKeysWithValues: workflow.inferredEvidence.map { ($0.phase, $0) })
        #expect(byPhase["anchor-sources"]?.value == "together")
        #expect(byPhase["anchor-sources"]?.lines == [4, 5, 7])
        #expect(byPhase["album-sampling"]?.value == "per-run")
        #expect(byPhase["album-sampling"]?.lines == [9, 11])
    }

    @Test func genreSearchesInTurnOrASingleGeneratorRunSayNothing() throws {
        // The second genre search starts after the first answered: in turn.
        let inTurn = Self.anchorAndSampling.replacingOccurrences(
            of: "2025-11-11T15:13:54.195776Z [info     ] Searching anchor tracks for genre: dream pop",
            with: "2025-11-11T15:13:54.995776Z [info     ] Searching anchor tracks for genre: dream pop")
        let swapped = inTurn.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines = swapped
        lines.swapAt(4, 5)
        // One generator run: sampling cannot change anything.
        let oneRun = lines.filter { !$0.contains("30.8s") && !$0.contains("15:19:30.521787Z") }.joined(separator: "\n")
        let workflow = try #require(try MoodlistLogImporter().importText(oneRun, path: "b.log").workflows.first)
        let phases = workflow.inferredEvidence.map(\.phase)
        #expect(!phases.contains("anchor-sources"))
        #expect(!phases.contains("album-sampling"))
    }
}
