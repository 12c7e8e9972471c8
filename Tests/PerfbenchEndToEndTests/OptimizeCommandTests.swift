import Foundation
import Testing

/// `perfbench optimize` and the `--latency` what-ifs (issue 15 §3–4) on the command line.
@Suite("optimize searches combinations; --latency changes upstream speed", .serialized)
struct OptimizeCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theBestConfigurationItWritesReplaysToTheFigureItPrinted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optimize-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("best.toml").path
        let optimize = try await PerfbenchCLI.runAsync([
            "optimize", "Recordings/nov07.jsonl.gz", "--budget", "60", "--require", "quality.overall>=0.7",
            "--write-config", config, "--format", "json", "--jobs", "2",
        ])
        #expect(optimize.status == 0, "\(optimize.stderr)")
        let report = try Self.json(optimize.stdout)
        #expect(report["schema"] as? String == "perfbench.optimize/1")
        let best = try #require(report["best"] as? [String: Any])
        let metric = try #require(best["metric_seconds"] as? Double)
        let base = try #require((report["base_run"] as? [String: Any])?["metric_seconds"] as? Double)
        #expect(metric < base)
        #expect(try #require(best["quality_overall"] as? Double) >= 0.7)
        // The file it wrote is the configuration it found.
        let replay = try await PerfbenchCLI.runAsync(["replay", "Recordings/nov07.jsonl.gz", "--config", config, "--format", "json", "--no-db"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(try Self.json(replay.stdout)["total_seconds"] as? Double == metric)
        // An impossible requirement: exit 2, nothing written.
        let impossible = folder.appendingPathComponent("none.toml").path
        let none = try await PerfbenchCLI.runAsync([
            "optimize", "Recordings/nov07.jsonl.gz", "--budget", "5", "--require", "total.p50<=1s", "--write-config", impossible,
        ])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no configuration met the requirements"))
        #expect(!FileManager.default.fileExists(atPath: impossible))
    }

    @Test func aLatencyWhatIfRanksAndReplaysToTheSameFigure() async throws {
        let sweep = try await PerfbenchCLI.runAsync(["sweep", "Recordings/nov07.jsonl.gz", "--latency", "0.5", "--format", "json", "--jobs", "2"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let rows = try #require(try Self.json(sweep.stdout)["candidates"] as? [[String: Any]])
        let top = try #require(rows.first)
        let name = try #require(top["name"] as? String)
        let replay = try await PerfbenchCLI.runAsync(["replay", "Recordings/nov07.jsonl.gz", "--latency", name, "--format", "json", "--no-db"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(try Self.json(replay.stdout)["total_seconds"] as? Double == top["metric_seconds"] as? Double)
        let bad = try await PerfbenchCLI.runAsync(["replay", "Recordings/nov07.jsonl.gz", "--latency", "reccobeats=fast", "--no-db"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--latency 'reccobeats=fast'"))
        // A replay spec given to sweep says what sweep takes instead.
        let spec = try await PerfbenchCLI.runAsync(["sweep", "Recordings/nov07.jsonl.gz", "--latency", "reccobeats=0.5"])
        #expect(spec.status == 64)
        #expect(spec.stderr.contains("give only the change (--latency 0.5)"))
        #expect(spec.stdout.isEmpty)
    }

    @Test func drawsGiveTheFrontItsIntervalsAfterTheSearch() async throws {
        let arguments = ["optimize", "Recordings/nov07.jsonl.gz", "--budget", "20", "--format", "json", "--jobs", "2"]
        let plain = try Self.json(try await PerfbenchCLI.runAsync(arguments).stdout)
        let drawn = try await PerfbenchCLI.runAsync(arguments + ["--draws", "5"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let report = try Self.json(drawn.stdout)
        // The search ranks point replays: the same front and best as without draws.
        let front = try #require(report["front"] as? [[String: Any]])
        let plainFront = try #require(plain["front"] as? [[String: Any]])
        #expect(front.map { $0["spec"] as? String } == plainFront.map { $0["spec"] as? String })
        #expect(front.map { $0["metric_seconds"] as? Double } == plainFront.map { $0["metric_seconds"] as? Double })
        for row in front {
            #expect(row["draws"] as? Int == 5)
            let low = try #require(row["metric_p10_seconds"] as? Double)
            let high = try #require(row["metric_p90_seconds"] as? Double)
            #expect(low <= high)
        }
        #expect((report["best"] as? [String: Any])?["saving_p10_seconds"] is Double)
        // The front row with the lowest P90 is named too; no other has a lower one.
        let safest = try #require(report["lowest_p90"] as? [String: Any])
        let lowest = try #require(safest["metric_p90_seconds"] as? Double)
        #expect(front.allSatisfy { ($0["metric_p90_seconds"] as? Double ?? 0) >= lowest })
        #expect(plain["lowest_p90"] == nil)
        // A shard has no front to draw: refused before any replay.
        let sharded = try await PerfbenchCLI.runAsync(
            ["optimize", "Recordings/nov07.jsonl.gz", "--search", "fixed", "--shard", "1/2", "--partial", "/nonexistent/p.json", "--draws", "5"])
        #expect(sharded.status == 64)
        #expect(sharded.stderr.contains("--draws replays the front"))
    }
}

