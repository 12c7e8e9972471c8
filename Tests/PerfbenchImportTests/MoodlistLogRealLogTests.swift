import Foundation
import PerfbenchTestSupport
import Testing

@testable import PerfbenchImport
import PerfbenchRecording

/// Imports the real backend logs the repository ships under `Recordings/logs/`.
@Suite("Moodlist log import: real shared logs")
struct MoodlistLogRealLogTests {
    /// `Recordings/logs/` of this checkout: the three production logs ship with the repository.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Recordings/logs").path

    func importLog(_ name: String) throws -> MoodlistLogImport {
        try MoodlistLogImporter().importFile(path: Self.folder + "/" + name)
    }

    func seconds(_ recording: Recording, _ path: String) -> Double? {
        for case .stage(let span) in recording.events where span.path == path {
            return Double(span.durationMicros) / 1_000_000
        }
        return nil
    }

    @Test func november7thHasThePlansFigures() throws {
        let result = try importLog("moodlist-2025-11-07-workflow-306s.log.gz")
        #expect(result.workflows.count == 1)
        let workflow = try #require(result.workflows.first)
        #expect(workflow.isComplete)
        let recording = workflow.recording
        let seed = "orchestration/initial_generation/seed_gathering"
        // What the backend printed: the plan's figures.
        let printed: [(String, Double)] = [
            ("workflow", 306.14), ("intent_analysis", 3.02), ("mood_analysis", 3.11), (seed, 114.03),
            (seed + "/anchor_selection", 97.09), (seed + "/artist_discovery", 6.34),
            (seed + "/fetch_top_tracks", 0.46), (seed + "/fetch_top_artists", 6.35), (seed + "/build_seed_pool", 3.78),
            ("orchestration/initial_generation/recommendation_generation", 67.52),
            ("orchestration/iterative_improvement/improvement_strategies/recommendation_generation", 97.41),
        ]
        for (path, figure) in printed {
            let found = try #require(workflow.printedSeconds[path], "\(path) missing")
            #expect(abs(found - figure) < 0.01, "\(path): \(found) vs \(figure)")
        }
        // The spans, on the repaired clock: a 7.4 s excursion ran from anchor selection's LLM
        // filtering into discovery, and a 6.4 s one over the user's top artists, so discovery
        // took ≈ 13.7 s and the seed pool ≈ 10.1 s; the clock lost 2–3 s in each long window
        // wait (a 47.8 s wait spans 45.9 s of log), which the agents' own figures lost too.
        let repaired: [(String, Double)] = [
            ("workflow", 315.17), ("intent_analysis", 3.02), ("mood_analysis", 3.11), (seed, 115.13),
            (seed + "/anchor_selection", 90.80), (seed + "/artist_discovery", 13.74),
            (seed + "/fetch_top_tracks", 0.46), (seed + "/fetch_top_artists", 0.0), (seed + "/build_seed_pool", 10.13),
            ("orchestration/initial_generation/recommendation_generation", 70.50),
            ("orchestration/iterative_improvement/improvement_strategies/recommendation_generation", 102.35),
        ]
        for (path, figure) in repaired {
            let found = seconds(recording, path) ?? 0
            #expect(abs(found - figure) < 0.05, "\(path): \(found) vs \(figure)")
        }
        let waits = recording.events.compactMap { if case .wait(let wait) = $0 { return wait } else { return nil } }
        #expect(waits.filter { $0.kind == .window }.map(\.seconds).sorted() == [26.5, 26.5, 36.6, 47.8, 48.9])
        // Inferred from the call structure: one LLM call per analysis agent, fitted to its span,
        // whose mood answer carries the artists and genres the log shows being searched.
        let llm = recording.exchanges.filter { $0.service == .llm && $0.provenance == .inferred }
        let mood = try #require(llm.first { $0.stage == "mood_analysis" })
        #expect(mood.durationMicros == 3_111_405)
        #expect(mood.responseBody?.contains("Harry Belafonte") == true)
        #expect(mood.responseBody?.contains("calypso") == true)
        let features = recording.exchanges.filter { $0.tool == "get_track_audio_features" }
        #expect(features.count > 100)
        #expect(features.allSatisfy { $0.provenance == .inferred && $0.url.hasSuffix("/audio-features") })
        // The log's clock steps back (by up to 7.4 s) where its excursions end.
        #expect(workflow.backwardJumps >= 8)
        #expect(workflow.largestBackwardJumpMicros > 7_000_000)
        // Inferred from the call structure: the album sampling of every artist in both generator
        // runs, answered so that the replayed pipeline samples what the log shows.
        let sampled = recording.exchanges.filter { $0.tool == "get_album_tracks" }
        #expect(sampled.count > 60)
        #expect(sampled.allSatisfy { $0.provenance == .inferred })
        #expect(recording.exchanges.filter { $0.tool == "get_artist_albums" && $0.provenance == .observed }.count == 24)
    }

    @Test func october31stUsesLocalTimeAndMinimumIntervals() throws {
        let result = try importLog("moodlist-2025-10-31-workflow-227s.log.gz")
        let workflow = try #require(result.workflows.first)
        #expect(workflow.isComplete)
        #expect(workflow.totalSeconds == 227.47)
        #expect(abs((seconds(workflow.recording, "intent_analysis") ?? 0) - 9.15) < 0.01)
        #expect(abs((seconds(workflow.recording, "mood_analysis") ?? 0) - 10.17) < 0.01)
        #expect(abs((seconds(workflow.recording, "orchestration/initial_generation/seed_gathering") ?? 0) - 113.44) < 0.01)
        let minimum = workflow.recording.events.filter {
            if case .wait(let wait) = $0 { return wait.kind == .minInterval } else { return false }
        }
        #expect(minimum.count > 30)
    }

    @Test func writtenRecordingsHoldNoSecrets() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.cleanUp() }
        for name in ["moodlist-2025-10-31-workflow-227s.log.gz", "moodlist-2025-11-07-workflow-306s.log.gz"] {
            for workflow in try importLog(name).workflows {
                let path = temporary.file(workflow.id + ".jsonl.gz")
                try workflow.recording.write(to: path)
                let text = String(decoding: try GzipReader(path: path).readAll(), as: UTF8.self)
                #expect(Redactor.secretKinds(in: text).isEmpty)
                #expect(!text.contains("redis://"))
                #expect(!text.contains("session_token"))
                #expect(try Recording.load(from: path) == workflow.recording)
            }
        }
    }

    /// Exchange ids are unique (FORMAT.md), even where inferred calls share a task and a start.
    @Test(arguments: [
        "moodlist-2025-10-31-workflow-227s.log.gz", "moodlist-2025-11-07-workflow-306s.log.gz",
        "moodlist-2025-11-11-workflow-794s.log.gz",
    ])
    func everyImportedExchangeHasItsOwnID(_ name: String) throws {
        let workflow = try #require(try importLog(name).firstUsable)
        let ids = workflow.recording.exchanges.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    /// Two artists' album sampling interleaves in the 2025-11-11 log (`parallel-artists=2`): each
    /// fetch is credited to the artist its result line names, so each of the 12 generator artists
    /// has one sampled track per generator run in each album listing (three runs: three tracks),
    /// and the two user-mentioned artists, fetched by both strategies, twice that.
    @Test func interleavedAlbumSamplingIsCreditedToEachArtist() throws {
        let recording = try #require(try importLog("moodlist-2025-11-11-workflow-794s.log.gz").firstUsable).recording
        var listingSizes: [String: Set<Int>] = [:]
        for exchange in recording.exchanges where exchange.tool == "get_album_tracks" {
            let artist = try #require(exchange.responseBody?.after(#""artists":[{"id":""#)?.before("\""))
            let size = exchange.responseBody?.components(separatedBy: #""name":"Album track""#).count ?? 1
            listingSizes[artist, default: []].insert(size - 1)
        }
        #expect(listingSizes.count == 12)
        let runs = listingSizes.values.map { $0.sorted() }
        #expect(runs.filter { $0 == [3] }.count == 10, "\(listingSizes)")
        #expect(runs.filter { $0 == [6] }.count == 2, "\(listingSizes)")
    }
}
