import Foundation
import Testing

/// Every fuzz target's seeds and saved findings (Tests/Fuzz) go through `perfbench-fuzz` on every
/// test run: an input that once crashed a parser stays a test (issue 18 §4).
@Suite("fuzz seeds and regressions replay without a crash")
struct FuzzRegressionTests {
    static let targets = ["recording", "har", "moodlist-log", "config", "baseline", "server-target", "json"]

    static func inputs(_ target: String) -> [String] {
        ["seeds", "regressions"].flatMap { kind -> [String] in
            let folder = PerfbenchCLI.packageRoot.appendingPathComponent("Tests/Fuzz/\(kind)/\(target)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0).path }
        }
    }

    @Test(arguments: targets)
    func everySeedAndRegressionParsesWithoutACrash(target: String) async throws {
        let files = Self.inputs(target)
        #expect(!files.isEmpty, "no seeds for \(target)")
        let fuzz = PerfbenchCLI.executable.deletingLastPathComponent().appendingPathComponent("perfbench-fuzz")
        let run = try await PerfbenchCLI.runAsync([target] + files, program: fuzz)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("perfbench-fuzz \(target): \(files.count) inputs, no crash"))
    }

    @Test func anUnknownTargetIsAUsageError() async throws {
        let fuzz = PerfbenchCLI.executable.deletingLastPathComponent().appendingPathComponent("perfbench-fuzz")
        let run = try await PerfbenchCLI.runAsync(["nothing"], program: fuzz)
        #expect(run.status == 64)
        #expect(run.stderr.contains("targets: recording har moodlist-log config baseline server-target json"))
    }
}
