import Foundation
import Testing
import PerfbenchRecording
import PerfbenchReport

@testable import PerfbenchStore

/// Where a test's history lives: every store test body runs against both.
enum StoreLocation: String, CaseIterable, CustomTestStringConvertible {
    case inMemory, onDisk

    var testDescription: String { rawValue }
}

/// A scratch directory, removed by `cleanUp()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("perfbench-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

/// Fixed entries and runs with numbers easy to check by hand.
enum StoreFixtures {
    /// Opens a fresh store at `location`, runs `body` with it, and removes any file after.
    static func withStore<T>(_ location: StoreLocation, _ body: (RunStore) throws -> T) throws -> T {
        switch location {
        case .inMemory:
            return try body(try RunStore.inMemory())
        case .onDisk:
            let scratch = try ScratchDirectory()
            defer { scratch.cleanUp() }
            return try body(try RunStore.open(path: scratch.file("Reports/perfbench.sqlite")))
        }
    }

    static let baseline = RunConfig(name: "baseline", phases: ["top-tracks-batch": "5", "skip-iteration": "off"])
    static let fast = RunConfig(name: "fast", phases: ["top-tracks-batch": "10", "skip-iteration": "on"])

    /// A stage span at `path` from `start` to `end` seconds.
    static func span(_ path: String, _ start: Double, _ end: Double) -> StageSpan {
        StageSpan(
            name: String(path.split(separator: "/").last ?? ""), path: path,
            startMicros: Int(start * 1_000_000), durationMicros: Int((end - start) * 1_000_000))
    }

    /// A run of `total` seconds: intent analysis for a tenth, orchestration for the rest.
    static func run(_ recording: String, total: Double, config: RunConfig = baseline) -> RunResult {
        RunResult(
            recording: recording, config: config, totalSeconds: total,
            stages: [
                span("intent_analysis", 0, total / 10),
                span("orchestration", total / 10, total),
                span("orchestration/initial_generation", total / 10, total / 2),
            ])
    }

    /// An entry over `count` runs of 10, 20, … seconds.
    static func entry(
        kind: RunKind = .replay, config: RunConfig = baseline, createdAt: String = "2026-05-01T09:30:00Z",
        count: Int = 3, scale: Double = 1, verdict: String? = nil
    ) -> RunEntry {
        let runs = (1...max(1, count)).map { run("Recordings/r\($0).jsonl.gz", total: Double($0) * 10 * scale, config: config) }
        return RunEntry(
            kind: kind, runs: runs, config: config, recordingSetHash: "fnv1a128:0123456789abcdef0123456789abcdef",
            verdict: verdict, createdAt: createdAt, perfbenchVersion: "0.1.0", gitCommit: "0123abcd")
    }
}
