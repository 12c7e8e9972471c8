import Foundation
import Testing

/// `--shard I/N` and `merge` (issue 17 §3): four shards as separate processes, merged, give the
/// unsharded run's output and exit code byte for byte.
@Suite("sharded runs merge into the unsharded output", .serialized)
struct ShardMergeTests {
    /// Runs `arguments` unsharded and as 4 shards plus merge; returns both (stdout, status).
    static func both(_ arguments: [String], in folder: URL) async throws -> (plain: (String, Int32), merged: (String, Int32)) {
        let plain = try await PerfbenchCLI.runAsync(arguments)
        var parts: [String] = []
        for index in 1...4 {
            let part = folder.appendingPathComponent("part-\(index)-\(UUID().uuidString).json").path
            let shard = try await PerfbenchCLI.runAsync(arguments + ["--shard", "\(index)/4", "--partial", part])
            #expect(shard.status == 0, "\(shard.stderr)")
            #expect(shard.stdout.isEmpty, "a shard writes no report")
            parts.append(part)
        }
        let merged = try await PerfbenchCLI.runAsync(["merge"] + parts.reversed())
        return ((plain.stdout, plain.status), (merged.stdout, merged.status))
    }

    @Test func gateDiffAndReplayMergeByteForByte() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus").path
        let synth = try await PerfbenchCLI.runAsync(["synth", "--output", corpus, "--profile", "default", "--seed", "5", "--count", "6"])
        #expect(synth.status == 0, "\(synth.stderr)")
        let baseline = folder.appendingPathComponent("baseline.json").path
        #expect(try await PerfbenchCLI.runAsync(["baseline", corpus, "--output", baseline, "--no-db"]).status == 0)

        // A failing gate: the exit code merges too.
        let gate = try await Self.both(
            ["gate", corpus, "--baseline", baseline, "--phase", "parallel-artists=8", "--require", "total.p50<=1s",
             "--format", "json", "--no-db"], in: folder)
        #expect(gate.plain.1 == 2)
        #expect(gate.merged.1 == gate.plain.1)
        #expect(gate.merged.0 == gate.plain.0)
        #expect(gate.plain.0.contains("\"verdict\": \"fail\""))

        let diff = try await Self.both(
            ["diff", corpus, "--base", "baseline", "--candidate", "plan-critical-path", "--format", "markdown", "--no-db"],
            in: folder)
        #expect(diff.plain.1 == 0 && diff.merged.1 == 0)
        #expect(diff.merged.0 == diff.plain.0)

        let sweep = try await Self.both(["sweep", corpus, "--base", "guide-immediate", "--format", "json"], in: folder)
        #expect(sweep.plain.1 == 0 && sweep.merged.1 == 0)
        #expect(sweep.merged.0 == sweep.plain.0)
        #expect(sweep.plain.0.contains("\"schema\": \"perfbench.sweep/1\""))

        let optimize = try await Self.both(["optimize", corpus, "--search", "fixed", "--budget", "24", "--format", "json"], in: folder)
        #expect(optimize.plain.1 == 0 && optimize.merged.1 == 0)
        #expect(optimize.merged.0 == optimize.plain.0)
        #expect(optimize.plain.0.contains("\"evaluated\": 24"))

        let replay = try await Self.both(["replay", corpus, "--no-db"], in: folder)
        #expect(replay.merged.0 == replay.plain.0)
        #expect(!replay.plain.0.isEmpty)

        // A corpus's runs keep no events; the page's P95 run is replayed again with them, in the
        // merge as in the unsharded run, so its requests show on their lanes.
        let page = try await Self.both(["replay", corpus, "--no-db", "--format", "html"], in: folder)
        #expect(page.plain.1 == 0 && page.merged.1 == 0)
        #expect(page.merged.0 == page.plain.0)
        #expect(page.plain.0.contains("The P95 recording"))
        #expect(page.plain.0.contains("fill=\"#3f9f5a\""), "a Spotify request on the P95 run's lanes")
    }

    @Test func mergeRefusesAMissingShardOrAnotherRunsPart() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one.json").path
        let other = folder.appendingPathComponent("other.json").path
        #expect(try await PerfbenchCLI.runAsync(["replay", "Recordings/nov07.jsonl.gz", "--no-db", "--shard", "1/2", "--partial", one]).status == 0)
        let missing = try await PerfbenchCLI.runAsync(["merge", one])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("missing: 2"))
        #expect(try await PerfbenchCLI.runAsync(["replay", "Recordings/oct31.jsonl.gz", "--no-db", "--shard", "2/2", "--partial", other]).status == 0)
        let mixed = try await PerfbenchCLI.runAsync(["merge", one, other])
        #expect(mixed.status == 65)
        #expect(mixed.stderr.contains("a shard of another run"))
        let usage = try await PerfbenchCLI.runAsync(["replay", "Recordings/nov07.jsonl.gz", "--shard", "3/2", "--partial", one])
        #expect(usage.status == 64)
    }
}
