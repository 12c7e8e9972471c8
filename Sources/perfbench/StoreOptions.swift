import ArgumentParser
import Foundation
import PerfbenchRecording
import PerfbenchReport
import PerfbenchStore

/// `--db FILE` and `--no-db`: where replay, diff, gate and baseline record their runs.
///
/// The history goes where the user said (`--db FILE`, or `PERFBENCH_DB`), else to a per-user
/// state file (`$XDG_STATE_HOME/perfbench/history.sqlite`, or `~/.local/state/…`): never into a
/// folder under the current directory by surprise. Recording prints nothing on success. A history
/// the user named that cannot be used stops the command with the exit code of docs/CLI.md (65
/// corrupt, 74 unwritable) after the report has been written, so the user still has the result;
/// the per-user default only warns, and the exit code stays the report's.
struct StoreOptions: ParsableArguments {
    /// The history file used unless `--db` names another: `PERFBENCH_DB`, else the per-user state
    /// file; nil when there is no home to put it in.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let named = environment["PERFBENCH_DB"], !named.isEmpty { return named }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/perfbench/history.sqlite" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/perfbench/history.sqlite" }
        return nil
    }

    /// Whether the user named the history (`--db` or `PERFBENCH_DB`): then a failure to use it
    /// is an error, not a warning.
    var isNamed: Bool { db != nil || !(ProcessInfo.processInfo.environment["PERFBENCH_DB"] ?? "").isEmpty }

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The run history to record into (default: PERFBENCH_DB, else $XDG_STATE_HOME/perfbench/history.sqlite "
                + "or ~/.local/state/perfbench/history.sqlite).",
            valueName: "FILE"))
    var db: String?

    @Flag(name: .customLong("no-db"), help: "Record nothing in the run history.")
    var noDB = false

    func validate() throws {
        if noDB, db != nil { throw ValidationError("--db and --no-db exclude each other; pass one of them.") }
    }

    /// The history file, or nil with `--no-db`.
    var path: String? { noDB ? nil : db ?? Self.defaultPath() }

    /// Records `entry` in the history (nothing with `--no-db`) and returns its id.
    @discardableResult
    func record(_ entry: RunEntry) throws -> Int64? {
        guard let path else { return nil }
        do {
            return try RunStore.open(path: path).record(entry)
        } catch let error as StoreError {
            guard isNamed else {
                printToStandardError(
                    "perfbench: warning: the run was not recorded in the history: \(error.description) "
                        + "(name another file with --db or PERFBENCH_DB, or pass --no-db)")
                return nil
            }
            throw (ExitStatus(rawValue: error.exitCode) ?? .internalError).fail(error.description)
        }
    }

    /// Records a corpus of runs: percentiles from the runs, the hash of the recordings at
    /// `paths`, the time now, this perfbench's version and the checked-out git commit.
    ///
    /// `config` defaults to the runs' own configuration when they all share one; runs replayed
    /// under their recordings' differing configurations are recorded as `mixed`.
    @discardableResult
    func record(
        kind: RunKind, runs: [RunResult], paths: [String], verdict: String?, config: RunConfig? = nil
    ) throws -> Int64? {
        guard self.path != nil else { return nil }
        let hash: String
        do {
            hash = try RecordingSetHash.compute(files: paths)
        } catch let error as StoreError {
            guard isNamed else {
                printToStandardError("perfbench: warning: the run was not recorded in the history: \(error.description)")
                return nil
            }
            throw (ExitStatus(rawValue: error.exitCode) ?? .internalError).fail(error.description)
        }
        let entry = RunEntry(
            kind: kind, runs: runs, config: config ?? Self.sharedConfig(of: runs), recordingSetHash: hash,
            verdict: verdict, createdAt: RunEntry.timestamp(Date()), perfbenchVersion: PerfbenchVersion.current,
            gitCommit: GitCommit.current())
        return try record(entry)
    }

    /// The configuration every run shares, or `mixed` with no phases.
    static func sharedConfig(of runs: [RunResult]) -> RunConfig {
        let configs = Set(runs.map(\.config))
        if configs.count == 1, let only = configs.first { return only }
        return RunConfig(name: "mixed", phases: [:])
    }
}
