import Foundation
import PerfbenchRecording
import PerfbenchReplay
import PerfbenchReport
import Testing

/// Every recording committed under `Recordings/` replays to its own recorded stage spans and
/// request count under the configuration it was made with (issue 5, fidelity).
@Suite struct RecordingsFolderTests {
    /// Every `*.jsonl.gz` below `Recordings/` of this checkout (or `PERFBENCH_RECORDINGS_DIR`),
    /// the corpus included, sorted.
    static let recordings: [String] = {
        let root = ProcessInfo.processInfo.environment["PERFBENCH_RECORDINGS_DIR"].map(URL.init(fileURLWithPath:))
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Recordings")
        let names = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(".jsonl.gz") }.sorted().map { root.appendingPathComponent($0).path }
    }()

    @Test func everyCommittedRecordingReplaysToItsRecordedSpans() throws {
        print("RecordingsFolderTests: \(Self.recordings.count) recording(s)")
        if ProcessInfo.processInfo.environment["PERFBENCH_RECORDINGS_DIR"] == nil {
            #expect(Self.recordings.count >= 64, "the bundled recordings and corpus")
        }
        for path in Self.recordings {
            let recording = try Recording.load(from: path)
            let spans = recording.events.compactMap { event -> StageSpan? in
                if case .stage(let span) = event, span.provenance == .observed { return span }
                return nil
            }
            let replayed = try ReplayRunner.replay(recording: recording, path: path, config: nil, strict: true)
            #expect(replayed.requests.total == recording.exchanges.count, "\(path)")
            #expect(replayed.requests.exact == recording.exchanges.count, "\(path)")
            // Within 0.5 % (stages under a second: within 5 ms).
            Fixtures.expectSpansMatch(recorded: spans, replayed: replayed.stages, shortSlackMicros: 5_000)
        }
    }
}
