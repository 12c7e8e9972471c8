import Foundation
import Testing

@Suite("perfbench on the command line", .serialized)
struct CommandLineTests {
    @Test func versionPrintsTheVersion() async throws {
        let output = try await PerfbenchCLI.runAsync(["--version"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("0.1.0"))
    }

    @Test func helpListsTheCommands() async throws {
        let output = try await PerfbenchCLI.runAsync(["--help"])
        #expect(output.status == 0)
        for command in ["demo", "synth", "inspect", "import", "phases", "presets"] {
            #expect(output.stdout.contains(command), "help lacks \(command)")
        }
    }

    @Test func demoReplaysTheStudyWorkflowIn31Point9Seconds() async throws {
        let output = try await PerfbenchCLI.runAsync(["demo"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("31.900 r7 timeout"))
        #expect(output.stdout.contains("total 31.900 s virtual"))
    }

    @Test func realClockRunLandsNearTheVirtualResult() async throws {
        // Durations ÷ 100: 31.9 s virtual becomes 0.319 s of real time. A real clock only runs
        // late; allow scheduling noise of a loaded 2-core machine (scaled back: 100× the delay).
        // Under heavy load a late timeout timer can even change which request wins a race, so
        // the run gets three attempts; one must land in the window with the same events.
        var lines: [String] = []
        for _ in 0..<3 {
            let output = try await PerfbenchCLI.runAsync(["demo", "--quiet", "--real-clock", "100"])
            #expect(output.status == 0)
            let line = try #require(output.stdout.split(separator: "\n").first { $0.hasPrefix("real clock") })
            let real = try #require(Double(line.split(separator: " ")[3]))
            lines.append(String(line))
            if real >= 31.9 - 0.05, real <= 31.9 + 10, line.hasSuffix("same events: yes") { return }
        }
        Issue.record("no real-clock run landed within [31.85, 41.9] s with the same events: \(lines)")
    }

    @Test func unknownPhaseIsAUsageErrorNamingTheNearestId() async throws {
        let output = try await PerfbenchCLI.runAsync(["synth", "--output", "/tmp/never", "--phase", "paralel-artists=4"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("parallel-artists"))
    }

    @Test func missingRecordingExits66() async throws {
        let output = try await PerfbenchCLI.runAsync(["inspect", "/nonexistent/recording.jsonl.gz"])
        #expect(output.status == 66)
        #expect(output.stderr.contains("/nonexistent/recording.jsonl.gz"))
    }

    @Test func synthesizedRecordingsAreByteIdenticalAndInspectable() async throws {
        let first = try PerfbenchCLI.temporaryFolder()
        let second = try PerfbenchCLI.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        for folder in [first, second] {
            let output = try await PerfbenchCLI.runAsync(["synth", "--output", folder.path, "--profile", "default", "--seed", "5"])
            #expect(output.status == 0, "\(output.stderr)")
        }
        let name = "default-s5-p0.jsonl.gz"
        let a = try Data(contentsOf: first.appendingPathComponent(name))
        let b = try Data(contentsOf: second.appendingPathComponent(name))
        #expect(a == b)
        let inspect = try await PerfbenchCLI.runAsync(["inspect", first.appendingPathComponent(name).path, "--format", "json"])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("\"schema\""))
        #expect(inspect.stdout.contains("perfbench.inspect/1"))
    }
}
