import Foundation
import Testing

/// The docs that ship say what the binary does (issue 17 §6): docs/CLI.md holds every command's
/// own `--help`, and the help texts cite only files the repository has.
@Suite struct DocumentationTests {
    /// Every subcommand `perfbench --help` lists (so a new one cannot be left out of the doc),
    /// and import's own.
    static func commands() async throws -> [[String]] {
        let help = try await PerfbenchCLI.runAsync(["--help"]).stdout
        // Under SUBCOMMANDS:, a name starts its line after two spaces; wrapped help lines are
        // indented further.
        let listed = help.split(separator: "\n").drop { !$0.hasPrefix("SUBCOMMANDS:") }.dropFirst()
            .filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isLowercase == true }
            .map { String($0.dropFirst(2).prefix { $0.isLowercase || $0 == "-" }) }
        return [[]] + listed.map { [$0] } + [["import", "har"], ["import", "moodlist-log"]]
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: PerfbenchCLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func cliDocHoldsEveryCommandsCurrentHelp() async throws {
        let doc = try Self.text("docs/CLI.md")
        let commands = try await Self.commands()
        #expect(commands.contains(["optimize"]) && commands.contains(["explain"]) && commands.contains(["merge"]))
        for command in commands {
            let help = try await PerfbenchCLI.runAsync(command + ["--help"])
            #expect(help.status == 0)
            let trimmed = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.replacing(/\s+$/, with: "") }.joined(separator: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(
                doc.contains(trimmed),
                "docs/CLI.md is out of date for 'perfbench \(command.joined(separator: " "))': run docs/regenerate-cli.sh")
        }
    }

    @Test func helpTextsCiteOnlyFilesThatShip() async throws {
        for command in try await Self.commands() {
            let help = try await PerfbenchCLI.runAsync(command + ["--help"]).stdout
            for match in help.matches(of: /[A-Za-z][A-Za-z\/]*\/[A-Za-z_-]+\.md|\b[A-Z]+\.md\b/) {
                let name = String(help[match.range])
                let candidates = [name, "docs/" + name, "Recordings/" + name]
                #expect(
                    candidates.contains { FileManager.default.fileExists(atPath: PerfbenchCLI.packageRoot.appendingPathComponent($0).path) },
                    "'perfbench \(command.joined(separator: " ")) --help' cites \(name), which the repository does not ship")
            }
        }
    }
}

/// The README's CI job runs as written (issue 17 §4).
@Suite struct ReadmeCIJobTests {
    /// The `run: |` script of the `- name: P95 gate` step of README's GitHub Actions example.
    static func gateStep() throws -> String {
        let readme = try DocumentationTests.text("README.md")
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let name = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "- name: P95 gate" }),
            let run = lines[name...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "run: |" })
        else { throw CancellationError() }
        let indent = lines[run].prefix { $0 == " " }.count
        var script: [String] = []
        for line in lines[(run + 1)...] {
            guard line.prefix(while: { $0 == " " }).count > indent, !line.hasPrefix("```") else { break }
            script.append(line.trimmingCharacters(in: .whitespaces))
        }
        return script.joined(separator: "\n")
    }

    @Test func theGateStepRunsAsWrittenAndPasses() async throws {
        let script = try Self.gateStep()
        #expect(script.contains("perfbench gate"), "README's CI job lost its gate step")
        let folder = try PerfbenchCLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appendingPathComponent("summary.md").path
        // The job's own binary path is the release build; the test's is the one next to it.
        let command = script.replacingOccurrences(of: ".build/release/perfbench", with: PerfbenchCLI.executable.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-euo", "pipefail", "-c", command]
        process.currentDirectoryURL = PerfbenchCLI.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["GITHUB_STEP_SUMMARY"] = summary
        environment["XDG_STATE_HOME"] = folder.path
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        #expect(status == 0, "README's gate step exited \(status): \(command)")
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.hasPrefix("### perfbench gate: ✅ pass"))
    }
}
