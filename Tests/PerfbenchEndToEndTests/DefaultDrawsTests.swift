import Foundation
import Testing

/// `--draws auto`, the default of replay, diff and gate (issue 14 §4): every what-if carries an
/// interval, a replay at the recording's own configuration stays exactly as it was, and a large
/// set draws nothing and says so.
@Suite("every what-if carries an interval by default", .serialized)
struct DefaultDrawsTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aWhatIfDrawsTenTimesAndTheRecordedConfigurationNotAtAll() async throws {
        let whatIf = try await PerfbenchCLI.runAsync(
            ["replay", "Recordings/oct31.jsonl.gz", "--preset", "shipped-latest", "--format", "json", "--no-db"])
        #expect(whatIf.status == 0, "\(whatIf.stderr)")
        let interval = try #require(try Self.json(whatIf.stdout)["interval"] as? [String: Any])
        #expect(interval["draws"] as? Int == 10)
        // The same as asking for 10 draws.
        let asked = try await PerfbenchCLI.runAsync(
            ["replay", "Recordings/oct31.jsonl.gz", "--preset", "shipped-latest", "--format", "json", "--no-db", "--draws", "10"])
        #expect(asked.stdout == whatIf.stdout)
        // At its own configuration: no interval, byte for byte the replay without draws.
        let plain = try await PerfbenchCLI.runAsync(["replay", "Recordings/oct31.jsonl.gz", "--format", "json", "--no-db"])
        let undrawn = try await PerfbenchCLI.runAsync(["replay", "Recordings/oct31.jsonl.gz", "--format", "json", "--no-db", "--draws", "1"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try Self.json(plain.stdout)["interval"] == nil)
        #expect(plain.stdout == undrawn.stdout)
        // A diff draws the what-if side only.
        let diff = try await PerfbenchCLI.runAsync(
            ["diff", "Recordings/oct31.jsonl.gz", "--base", "recorded", "--candidate", "shipped-latest", "--no-db"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("draws (P10–P90): exact → "))
        // A corpus diff holds twice as many runs as recordings: 60 recordings are drawn, and it
        // says nothing of undrawn figures.
        let corpus = try await PerfbenchCLI.runAsync(
            ["diff", "Recordings/corpus", "--base", "baseline", "--candidate", "plan-critical-path", "--no-db", "--jobs", "2"])
        #expect(corpus.status == 0, "\(corpus.stderr)")
        #expect(corpus.stdout.contains("draws p95 (P10–P90): exact → "))
        #expect(!corpus.stderr.contains("draws no interval"))
    }

    @Test func moreThanAHundredRecordingsDrawNothingAndSaySo() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = PerfbenchCLI.packageRoot.appendingPathComponent("Recordings/oct31.jsonl.gz")
        for copy in 0..<101 {
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("r\(copy).jsonl.gz"))
        }
        let run = try await PerfbenchCLI.runAsync(
            ["replay", folder.path, "--preset", "shipped-latest", "--format", "json", "--no-db", "--jobs", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("\"interval\""))
        #expect(run.stderr.contains("--draws auto draws no interval; pass --draws 10 for one"))
    }
}
