import Foundation
import Testing

/// `--output` writes through a temporary file and a rename: a rerun replaces the old report, and a
/// failed write leaves nothing behind.
@Suite struct OutputFileTests {
    @Test func rerunningWithTheSameOutputReplacesTheReport() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("nov07.json").path
        try Data("stale report\n".utf8).write(to: URL(fileURLWithPath: report))
        for _ in 0..<2 {
            let output = try await PerfbenchCLI.runAsync([
                "replay", "Recordings/nov07.jsonl.gz", "--format", "json", "--output", report, "--no-db",
            ])
            #expect(output.status == 0, "\(output.stderr)")
            let written = try String(contentsOfFile: report, encoding: .utf8)
            #expect(written.hasPrefix("{"))
            #expect(written.contains("\"schema\""))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["nov07.json"])
    }

    @Test func outputIntoAMissingFolderExits74AndWritesNothing() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("missing/nov07.json").path
        let output = try await PerfbenchCLI.runAsync([
            "replay", "Recordings/nov07.jsonl.gz", "--format", "json", "--output", report, "--no-db",
        ])
        #expect(output.status == 74)
        #expect(output.stderr.contains("missing/nov07.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
