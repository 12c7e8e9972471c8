import ArgumentParser
import Foundation
import PerfbenchRecording
import PerfbenchReport

/// `perfbench merge`: the report of a sharded run from its partial results.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Make the report, verdict and exit code of a sharded run from its partial results.",
        discussion: """
            replay, diff, gate, baseline, sweep and optimize (with --search fixed) take --shard I/N --partial FILE: each shard replays \
            the recordings assigned to it (shard 1 + FNV-1a of the recording's path below the \
            folder the set shares, mod N: stable across machines and directories) and writes \
            its runs. merge reads all N partial files, checks that they come from the same \
            command line and perfbench and cover every shard once, then runs that command on \
            the merged runs: the report, the verdict and the exit code are byte for byte those \
            of the unsharded run. The command reads its other inputs again (a gate's baseline \
            and recordings for their hash), so run merge where they are, e.g. in the same checkout.

            Examples:
              perfbench gate Recordings/corpus --preset plan-critical-path --shard 1/4 --partial part-1.json
              perfbench merge part-1.json part-2.json part-3.json part-4.json
            """
    )

    @Argument(help: "The partial result files of every shard (any order).")
    var parts: [String]

    func validate() throws {
        guard !parts.isEmpty else { throw ValidationError("name the partial result files of every shard.") }
    }

    func run() throws {
        let files = try parts.map(load)
        let first = files[0]
        for (file, path) in zip(files, parts) {
            guard file.command == first.command, file.arguments == first.arguments, file.shardCount == first.shardCount,
                file.calls.count == first.calls.count, zip(file.calls, first.calls).allSatisfy({ $0.paths == $1.paths })
            else {
                throw ExitStatus.badInput.fail(
                    "\(path): a shard of another run (\(file.command) \(file.arguments.joined(separator: " ")), "
                        + "shard \(file.shard)/\(file.shardCount)); merge the partial files of one command line.")
            }
        }
        let shards = files.map(\.shard).sorted()
        guard shards == Array(1...first.shardCount) else {
            let missing = Set(1...first.shardCount).subtracting(shards).sorted().map(String.init)
            throw ExitStatus.badInput.fail(
                "the partial files hold shards \(shards.map(String.init).joined(separator: ", ")) of \(first.shardCount)"
                    + (missing.isEmpty ? " (one twice)" : "; missing: \(missing.joined(separator: ", "))")
                    + ". Pass each shard's file once.")
        }
        Sharding.merged = try first.calls.indices.map { call in
            try first.calls[call].paths.map { path in
                guard let run = files.lazy.compactMap({ $0.calls[call].runs[path] }).first else {
                    throw ExitStatus.badInput.fail("no shard holds \(path); rerun every shard.")
                }
                return run
            }
        }
        var command: ParsableCommand
        do {
            command = try Perfbench.parseAsRoot(first.arguments)
        } catch {
            throw ExitStatus.usage.fail("the partial files' command line no longer parses: \(Perfbench.message(for: error))")
        }
        try command.run()
    }

    private func load(_ path: String) throws -> PartialResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExitStatus.missingInput.fail("\(path): no such file. Pass the files the --shard runs wrote with --partial.")
        }
        let file: PartialResult
        do {
            file = try JSONDecoder().decode(PartialResult.self, from: data)
        } catch {
            throw ExitStatus.badInput.fail("\(path): not a perfbench partial result (\(PartialResult.schema)); pass the files --partial wrote.")
        }
        guard file.schema == PartialResult.schema else {
            throw ExitStatus.badInput.fail("\(path): schema \(file.schema), expected \(PartialResult.schema).")
        }
        guard file.perfbenchVersion == PerfbenchVersion.current else {
            throw ExitStatus.badInput.fail(
                "\(path): written by perfbench \(file.perfbenchVersion), this is \(PerfbenchVersion.current); rerun the shards.")
        }
        return file
    }
}
