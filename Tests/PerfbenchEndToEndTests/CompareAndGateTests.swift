import Foundation
import Testing

/// replay, diff, baseline, gate and history on a small synthesized corpus, as a user runs them.
@Suite("replay, diff and the P95 gate on the command line", .serialized)
struct CompareAndGateTests {
    /// Three synthesized recordings in a fresh folder.
    static func corpus() async throws -> URL {
        let folder = try PerfbenchCLI.temporaryFolder()
        let output = try await PerfbenchCLI.runAsync([
            "synth", "--output", folder.appendingPathComponent("corpus").path, "--profile", "default",
            "--seed", "11", "--count", "3",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        return folder
    }

    @Test func replayJSONIsByteIdenticalWithAnyJobs() async throws {
        let folder = try await Self.corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus").path
        let one = try await PerfbenchCLI.runAsync(["replay", corpus, "--format", "json", "--jobs", "1", "--no-db"])
        let two = try await PerfbenchCLI.runAsync(["replay", corpus, "--format", "json", "--jobs", "2", "--no-db"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.contains("\"schema\": \"perfbench.corpus/1\""))
        #expect(one.stdout.contains("\"synthesized\": 0"))
    }

    @Test func recordedBaseIsEachRecordingsOwnConfiguration() async throws {
        // oct31 was synthesized at baseline: `recorded` and `baseline` give the same base, and a
        // candidate of `recorded` changes nothing.
        let recording = "Recordings/oct31.jsonl.gz"
        let recorded = try await PerfbenchCLI.runAsync(["diff", recording, "--base", "recorded", "--candidate", "recorded", "--no-db"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let first = try #require(recorded.stdout.split(separator: "\n").dropFirst().first)
        #expect(first.hasSuffix("+0.00s (+0.0%)"), "\(first)")
        let baseline = try await PerfbenchCLI.runAsync(["diff", recording, "--base", "baseline", "--candidate", "recorded", "--no-db"])
        #expect(baseline.stdout.split(separator: "\n").dropFirst().first == first)
        #expect(recorded.stdout.hasPrefix("perfbench diff: recorded → recorded"))
    }

    @Test func diffAndGateWriteTracesAndProfilesOfTheirRuns() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("t.json").path
        let profile = folder.appendingPathComponent("p.json").path
        let diff = try await PerfbenchCLI.runAsync([
            "diff", "Recordings/oct31.jsonl.gz", "--base", "baseline", "--candidate", "plan-critical-path", "--no-db",
            "--trace", trace, "--speedscope", profile,
        ])
        #expect(diff.status == 0, "\(diff.stderr)")
        let traceText = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(traceText.contains("(baseline)") && traceText.contains("(plan-critical-path)"))
        let profileText = try String(contentsOfFile: profile, encoding: .utf8)
        #expect(profileText.contains("\"critical path: Recordings/oct31.jsonl.gz (plan-critical-path)\""))
        let gate = try await PerfbenchCLI.runAsync([
            "gate", "Recordings/oct31.jsonl.gz", "--baseline", "none", "--require", "total.p95<=1000s", "--no-db", "--trace", trace,
        ])
        #expect(gate.status == 0, "\(gate.stderr)")
        #expect(try String(contentsOfFile: trace, encoding: .utf8).contains("\"traceEvents\""))
    }

    @Test func diffShowsTheCandidateSavingTime() async throws {
        let folder = try await Self.corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus").path
        let diff = try await PerfbenchCLI.runAsync([
            "diff", corpus, "--base", "baseline", "--candidate", "baseline,parallel-artists=8", "--format", "json",
            "--no-db",
        ])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("\"schema\": \"perfbench.diff/1\""))
        #expect(diff.stdout.contains("\"delta_seconds\""))
    }

    @Test func gatePassesItsOwnBaselineAndFailsARegression() async throws {
        let folder = try await Self.corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus").path
        let baseline = folder.appendingPathComponent("baseline.json").path
        let db = folder.appendingPathComponent("history.sqlite").path
        let made = try await PerfbenchCLI.runAsync(["baseline", corpus, "--preset", "baseline", "--output", baseline, "--db", db])
        #expect(made.status == 0, "\(made.stderr)")

        let same = try await PerfbenchCLI.runAsync(["gate", corpus, "--baseline", baseline, "--preset", "baseline", "--db", db])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("gate: pass"))
        #expect(same.stderr.contains("fewer than 20"))

        // Audio features one at a time with 5 s between them: slower everywhere F(n) runs.
        let worse = try await PerfbenchCLI.runAsync([
            "gate", corpus, "--baseline", baseline, "--phase", "audio-feature-batching=1/1/5s", "--format", "json", "--db", db,
        ])
        #expect(worse.status == 2, "\(worse.stdout)\(worse.stderr)")
        #expect(worse.stdout.contains("\"verdict\": \"regression\""))

        let history = try await PerfbenchCLI.runAsync(["history", "--db", db])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("gate"))
        #expect(history.stdout.contains("baseline"))
    }

    @Test func gateRefusesABaselineOfOtherRecordings() async throws {
        let folder = try await Self.corpus()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        let baseline = folder.appendingPathComponent("baseline.json").path
        let made = try await PerfbenchCLI.runAsync(["baseline", corpus.path, "--output", baseline, "--no-db"])
        #expect(made.status == 0, "\(made.stderr)")
        let first = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()[0]
        let gate = try await PerfbenchCLI.runAsync([
            "gate", corpus.appendingPathComponent(first).path, "--baseline", baseline, "--no-db",
        ])
        #expect(gate.status == 65)
        #expect(gate.stderr.contains("another set of recordings"))
    }

    @Test func malformedRecordingExits65NamingTheLine() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("broken.jsonl").path
        try "{\"type\":\"header\",\"format\":\"perfbench.recording\",\"version\":1}\n{not json\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let output = try await PerfbenchCLI.runAsync(["replay", path, "--no-db"])
        #expect(output.status == 65)
        #expect(output.stderr.contains("broken.jsonl:"))
        #expect(output.stdout.isEmpty)
    }
}
