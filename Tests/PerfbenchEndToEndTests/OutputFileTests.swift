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

/// No hidden side effects (issue 17 §5): the run history goes where the user said, or to a
/// per-user state file, never into a folder under the current directory; a history that cannot
/// be written warns unless the user named it.
@Suite struct RunHistoryLocationTests {
    @Test func aReplayWritesNothingUnderTheCurrentDirectory() async throws {
        let work = try PerfbenchCLI.temporaryFolder()
        let state = try PerfbenchCLI.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: work)
            try? FileManager.default.removeItem(at: state)
        }
        let recording = PerfbenchCLI.packageRoot.appendingPathComponent("Recordings/nov07.jsonl.gz").path
        let run = try await PerfbenchCLI.runAsync(["replay", recording], environment: ["XDG_STATE_HOME": state.path], directory: work)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
        #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("perfbench/history.sqlite").path))
        let history = try await PerfbenchCLI.runAsync(["history"], environment: ["XDG_STATE_HOME": state.path], directory: work)
        #expect(history.status == 0 && history.stdout.contains("replay"), "\(history.stderr)")
    }

    @Test func anUnwritableDefaultHistoryWarnsAndANamedOneFails() async throws {
        let work = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        // A file where the state directory should be: nothing can be created below it.
        let blocker = work.appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: blocker)
        let recording = PerfbenchCLI.packageRoot.appendingPathComponent("Recordings/nov07.jsonl.gz").path
        let quiet = try await PerfbenchCLI.runAsync(["replay", recording], environment: ["XDG_STATE_HOME": blocker.path])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stdout.contains("workflow: "))
        #expect(quiet.stderr.contains("warning: the run was not recorded in the history"))
        let named = try await PerfbenchCLI.runAsync(["replay", recording, "--db", blocker.path + "/history.sqlite"])
        #expect(named.status == 74, "\(named.stderr)")
        #expect(named.stdout.contains("workflow: "))
    }
}

/// The environment never overrides a configuration unseen (issue 17 §5).
@Suite struct EnvironmentOverrideTests {
    @Test func whatTheEnvironmentSetIsNamedAndIgnoreLeavesItOut() async throws {
        let recording = "Recordings/nov07.jsonl.gz"
        let environment = ["MAX_ITERATIONS": "0", "FAST_MODE": "true"]
        let applied = try await PerfbenchCLI.runAsync(["replay", recording, "--preset", "baseline", "--no-db"], environment: environment)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.hasPrefix(
            "perfbench replay: \(recording) (config baseline,fast-anchor-scoring=on,max-iterations=0 (environment: FAST_MODE=true, MAX_ITERATIONS=0))"))
        let ignored = try await PerfbenchCLI.runAsync(
            ["replay", recording, "--preset", "baseline", "--no-db", "--env-overrides", "ignore"], environment: environment)
        #expect(ignored.stdout.hasPrefix("perfbench replay: \(recording) (config baseline)\n"))
        let plain = try await PerfbenchCLI.runAsync(["replay", recording, "--preset", "baseline", "--no-db"])
        #expect(ignored.stdout == plain.stdout)
    }
}

/// An output that is one of the inputs is refused before any work (issue 18 §2).
@Suite struct OutputIsNotAnInputTests {
    @Test func replayDiffAndBaselineRefuseToOverwriteTheirInput() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("run.jsonl.gz")
        try FileManager.default.copyItem(
            at: PerfbenchCLI.packageRoot.appendingPathComponent("Recordings/guide197.jsonl.gz"), to: input)
        let before = try Data(contentsOf: input)
        let sameByAnotherName = folder.appendingPathComponent("./sub/../run.jsonl.gz").path
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for arguments in [
            ["replay", input.path, "--output", input.path],
            ["replay", input.path, "--trace", sameByAnotherName],
            ["diff", input.path, "--base", "baseline", "--candidate", "guide-immediate", "--output", input.path],
            ["baseline", input.path, "--output", input.path],
        ] {
            let run = try await PerfbenchCLI.runAsync(arguments + ["--no-db"])
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("is one of the inputs"))
        }
        #expect(try Data(contentsOf: input) == before)
    }

    /// An output that is a symbolic link or a device is written through, never replaced.
    @Test func aLinkOrADeviceIsWrittenThroughNotReplaced() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.txt").path
        let link = folder.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let run = try await PerfbenchCLI.runAsync(["replay", "Recordings/oct31.jsonl.gz", "--no-db", "--output", link])
        #expect(run.status == 0, "\(run.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: link)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("perfbench replay: Recordings/oct31.jsonl.gz"))
        let device = try await PerfbenchCLI.runAsync(["replay", "Recordings/oct31.jsonl.gz", "--no-db", "--output", "/dev/null"])
        #expect(device.status == 0, "\(device.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    /// Ctrl-C in the middle of writing recordings: exit 130 and no `.NAME.tmp-*` file left.
    @Test func anInterruptedCommandLeavesNoTemporaryFile() async throws {
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = PerfbenchCLI.executable
        process.arguments = ["synth", "--profile", "default", "--seed", "7", "--count", "5000", "--output", folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = folder.path
        process.environment = environment
        try process.run()
        func names() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] }
        // Until the first recording is in place, so writes are under way (a generous minute: a
        // loaded machine may be slow to start; the test never depends on how fast).
        let started = ContinuousClock.now
        while !names().contains(where: { $0.hasSuffix(".jsonl.gz") }), ContinuousClock.now - started < .seconds(60) {
            try await Task.sleep(for: .milliseconds(20))
        }
        process.interrupt()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(process.terminationStatus == 130)
        #expect(!names().contains { $0.contains(".tmp") }, "\(names().filter { $0.contains(".tmp") })")
        #expect(names().count < 5000)
    }

    /// Standard output on a full disk (`/dev/full`): every command that prints its result says so
    /// and exits 74, rather than 0 with the output lost.
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"), "no /dev/full here"))
    func aFullStandardOutputExits74() async throws {
        for arguments in [
            ["inspect", "Recordings/nov07.jsonl.gz"], ["phases"], ["phases", "--format", "json"], ["presets"], ["presets", "--format", "json"], ["replay", "Recordings/nov07.jsonl.gz", "--no-db"],
        ] {
            let process = Process()
            process.executableURL = PerfbenchCLI.executable
            process.arguments = arguments
            process.currentDirectoryURL = PerfbenchCLI.packageRoot
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
            process.standardError = FileHandle.nullDevice
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.path
            process.environment = environment
            try process.run()
            while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            #expect(process.terminationStatus == 74, "\(arguments)")
        }
    }
}
