import Foundation
import Testing

/// `perfbench sweep` (issue 15 §2): every toggle alone, ranked by what it saves.
@Suite("sweep ranks every toggle by its saving", .serialized)
struct SweepCommandTests {
    @Test func rowsAreRankedAndTheirSpecsReplayToTheirFigures() async throws {
        let sweep = try await PerfbenchCLI.runAsync(["sweep", "Recordings/nov07.jsonl.gz", "--format", "json", "--jobs", "1"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sweep.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "perfbench.sweep/1")
        let rows = try #require(object["candidates"] as? [[String: Any]])
        #expect(rows.count > 30)
        let savings = rows.compactMap { $0["saving_seconds"] as? Double }
        #expect(savings == savings.sorted(by: >))
        // The top row's spec, replayed, gives the total the sweep reported.
        let top = try #require(rows.first)
        let spec = try #require(top["spec"] as? String)
        let metric = try #require(top["metric_seconds"] as? Double)
        let diff = try await PerfbenchCLI.runAsync(["diff", "Recordings/nov07.jsonl.gz", "--base", "baseline", "--candidate", spec, "--format", "json", "--no-db"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let compared = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let total = ((compared["percentiles"] as? [String: Any])?["total_seconds"] as? [String: Any])?["p50"] as? [String: Any]
        #expect(total?["candidate"] as? Double == metric)
        // Leave one out: each toggle the candidate changes, taken out again.
        let loo = try await PerfbenchCLI.runAsync(["sweep", "Recordings/oct31.jsonl.gz", "--candidate", "plan-critical-path", "--jobs", "1"])
        #expect(loo.status == 0, "\(loo.stderr)")
        #expect(loo.stdout.contains("plan-critical-path without "))
    }

    @Test func drawsGiveEveryRowASavingBandAndLeaveThePointRankingAsItWas() async throws {
        func rows(_ arguments: [String]) async throws -> [[String: Any]] {
            let run = try await PerfbenchCLI.runAsync(["sweep", "Recordings/oct31.jsonl.gz", "--format", "json"] + arguments)
            #expect(run.status == 0, "\(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return try #require(object["candidates"] as? [[String: Any]])
        }
        let plain = try await rows(["--jobs", "1"])
        let drawn = try await rows(["--jobs", "2", "--draws", "5"])
        // The same rows in the same order with the same point figures; only the bands are new.
        #expect(drawn.map { $0["name"] as? String } == plain.map { $0["name"] as? String })
        #expect(drawn.map { $0["saving_seconds"] as? Double } == plain.map { $0["saving_seconds"] as? Double })
        #expect(plain.allSatisfy { $0["draws"] == nil })
        for row in drawn {
            #expect(row["draws"] as? Int == 5)
            let low = try #require(row["saving_p10_seconds"] as? Double)
            let high = try #require(row["saving_p90_seconds"] as? Double)
            #expect(low <= high)
        }
        // Some what-if draws its models: a band of non-zero width somewhere.
        #expect(drawn.contains { ($0["saving_p10_seconds"] as? Double) != ($0["saving_p90_seconds"] as? Double) })
    }
}
