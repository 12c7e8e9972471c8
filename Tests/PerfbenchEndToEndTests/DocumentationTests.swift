import Foundation
import Testing

/// The docs that ship say what the binary does (issue 17 §6): docs/CLI.md holds every command's
/// own `--help`, and the help texts cite only files the repository has.
@Suite struct DocumentationTests {
    static let commands = [
        [], ["replay"], ["diff"], ["baseline"], ["gate"], ["history"], ["inspect"], ["import"], ["import", "har"],
        ["import", "moodlist-log"], ["phases"], ["presets"], ["synth"], ["serve"], ["record"], ["demo"],
    ]

    static func text(_ path: String) throws -> String {
        try String(contentsOf: PerfbenchCLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func cliDocHoldsEveryCommandsCurrentHelp() async throws {
        let doc = try Self.text("docs/CLI.md")
        for command in Self.commands {
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
        for command in Self.commands {
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
