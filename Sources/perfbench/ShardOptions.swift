import ArgumentParser
import Foundation
import PerfbenchRecording
import PerfbenchReport

/// `--shard I/N --partial FILE`: run one shard of a corpus and write its results for `merge`.
///
/// A recording belongs to shard `1 + FNV-1a(name) mod N`, where `name` is its path below the
/// folder the whole set shares (``RecordingNames``): the same recording always lands in the
/// same shard, whichever machine or directory runs it, and adding a recording moves no other.
struct ShardOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Run shard I of N (1 ≤ I ≤ N) of the recordings and write the results to --partial instead of a "
                + "report; 'perfbench merge' makes the report from all N.", valueName: "I/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Where a --shard run writes its partial result (JSON).", valueName: "file"))
    var partial: String?

    /// The parsed `I/N`, nil without `--shard`.
    var parsed: (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index)
        else { return nil }
        return (index, count)
    }

    func validate() throws {
        if shard != nil, parsed == nil {
            throw ValidationError("--shard \(shard ?? "") must be I/N with 1 ≤ I ≤ N, e.g. --shard 2/4.")
        }
        if shard != nil, partial == nil {
            throw ValidationError("--shard needs --partial FILE: where to write this shard's results for 'perfbench merge'.")
        }
        if shard == nil, partial != nil { throw ValidationError("--partial is for --shard runs; add --shard I/N.") }
    }

    /// Starts sharding for this process, when asked: every replay from now on runs only this
    /// shard's recordings and is kept for the partial file.
    func begin() {
        guard let parsed else { return }
        Sharding.active = Sharding.Active(index: parsed.index, count: parsed.count)
    }

    /// Writes the partial file when sharding, and says whether the command must stop there.
    func finish(command: String) throws -> Bool {
        guard let active = Sharding.active, let partial else { return false }
        let file = PartialResult(
            schema: PartialResult.schema, perfbenchVersion: PerfbenchVersion.current, command: command,
            arguments: Sharding.argumentsWithoutShard(), shard: active.index, shardCount: active.count,
            calls: active.calls)
        try ReportOutput.write(try file.encoded(), to: partial)
        printToStandardError(
            "perfbench: shard \(active.index)/\(active.count): \(active.calls.first?.runs.count ?? 0) recordings written to \(partial)")
        return true
    }
}

/// The partial result of one shard (`perfbench.partial/1`): the command line it ran (less its
/// shard options), every set of paths it replayed, and its runs of them.
struct PartialResult: Codable {
    static let schema = "perfbench.partial/1"

    /// One call of the replay: the whole set's paths, and this shard's runs, keyed by path.
    struct Call: Codable {
        var paths: [String]
        var runs: [String: RunResult]
    }

    var schema: String
    var perfbenchVersion: String
    var command: String
    var arguments: [String]
    var shard: Int
    var shardCount: Int
    var calls: [Call]

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// What sharding and merging change in this process (one command runs per process).
enum Sharding {
    final class Active: @unchecked Sendable {
        let index: Int
        let count: Int
        var calls: [PartialResult.Call] = []

        init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }
    }

    /// Set by `--shard`: replays run this shard only and are kept.
    nonisolated(unsafe) static var active: Active?
    /// Set by `merge`: each replay call is answered, in order, by the merged runs.
    nonisolated(unsafe) static var merged: [[RunResult]]?
    nonisolated(unsafe) static var mergedCall = 0

    /// The shard (1-based) of each of `paths` among `count` shards.
    static func shards(of paths: [String], count: Int) -> [Int] {
        RecordingNames.relative(paths).map { 1 + Int(StableHash.fnv1a($0) % UInt64(count)) }
    }

    /// The runs of `paths`: the merged ones under `merge`; else `replay` of this shard's paths
    /// (all of them without `--shard`), kept for the partial file.
    static func runs(of paths: [String], replay: ([String]) throws -> [RunResult]) throws -> [RunResult] {
        if let merged {
            defer { mergedCall += 1 }
            guard mergedCall < merged.count, merged[mergedCall].count == paths.count else {
                throw ExitStatus.badInput.fail("the partial results do not match the command's recordings; rerun every shard.")
            }
            return merged[mergedCall]
        }
        guard let active else { return try replay(paths) }
        let shards = shards(of: paths, count: active.count)
        let mine = zip(paths, shards).filter { $0.1 == active.index }.map(\.0)
        let runs = try replay(mine)
        active.calls.append(PartialResult.Call(paths: paths, runs: Dictionary(zip(mine, runs.map(stripped)), uniquingKeysWith: { a, _ in a })))
        return runs
    }

    /// The runs of `paths` under each of `columns` configurations (one call per configuration,
    /// in order, as if each had been a ``runs(of:replay:)`` call): merged, or `replay` of this
    /// shard's paths giving one row of runs per configuration.
    static func matrix(
        of paths: [String], columns: Int, replay: ([String]) throws -> [[RunResult]]
    ) throws -> [[RunResult]] {
        if merged != nil { return try (0..<columns).map { _ in try runs(of: paths) { _ in [] } } }
        guard let active else { return try replay(paths) }
        let mine = zip(paths, shards(of: paths, count: active.count)).filter { $0.1 == active.index }.map(\.0)
        let rows = try replay(mine)
        for runs in rows {
            active.calls.append(PartialResult.Call(paths: paths, runs: Dictionary(zip(mine, runs.map(stripped)), uniquingKeysWith: { a, _ in a })))
        }
        return rows
    }

    /// A run without what no report reads (request and response bodies and headers), so a
    /// partial file stays small.
    static func stripped(_ run: RunResult) -> RunResult {
        var copy = run
        copy.exchanges = run.exchanges.map { exchange in
            var kept = exchange
            kept.requestBody = nil
            kept.responseBody = nil
            kept.requestHeaders = []
            kept.responseHeaders = []
            return kept
        }
        copy.laterRuns = run.laterRuns.map(stripped)
        return copy
    }

    /// This process's arguments less `--shard` and `--partial` (either form).
    static func argumentsWithoutShard() -> [String] {
        var kept: [String] = []
        var skip = false
        for argument in CommandLine.arguments.dropFirst() {
            if skip {
                skip = false
                continue
            }
            if argument == "--shard" || argument == "--partial" {
                skip = true
                continue
            }
            if argument.hasPrefix("--shard=") || argument.hasPrefix("--partial=") { continue }
            kept.append(argument)
        }
        return kept
    }
}
