import ArgumentParser
import PerfbenchStore

/// `perfbench history`: the runs recorded in the history, newest first, and each
/// configuration's total-P95 trend.
struct HistoryCommand: ParsableCommand {
    /// The formats `history` prints.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List recorded runs and the total P95 trend per configuration.",
        discussion: """
            replay, diff, gate and baseline record every run in a SQLite history (--db FILE, or \
            PERFBENCH_DB, else the per-user $XDG_STATE_HOME/perfbench/history.sqlite or \
            ~/.local/state/perfbench/history.sqlite; --no-db not at all): the kind of run, \
            its time (UTC), configuration, recording count and recording-set hash, total \
            P50/P95/P99 in seconds of virtual time, the gate verdict, the perfbench version and \
            the git commit. This lists the latest runs, newest first, then for each configuration \
            listed its total P95 over its latest runs, oldest to newest, as a sparkline with the \
            first and last value. P95s over different recording sets are flagged as not all \
            comparable.

            The history is only read: a missing file is not created (exit 66), and a file that is \
            not a healthy perfbench history is reported (exit 65) and left untouched.

            --format json prints {"schema": "perfbench.history/1", "runs": [...], "trends": \
            [...]}; times in seconds.

            Examples:
              perfbench history
              perfbench history --config baseline --limit 50
              perfbench history --db ci/perfbench.sqlite --format json
            """
    )

    @Option(name: .customLong("db"), help: ArgumentHelp("The run history to read (default: as replay records it).", valueName: "FILE"))
    var db: String?

    @Option(help: "How many runs to list, and to draw in each configuration's trend.")
    var limit: Int = 20

    @Option(help: ArgumentHelp("Only runs of this configuration.", valueName: "NAME"))
    var config: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        guard (1...100_000).contains(limit) else {
            throw ValidationError("--limit must be between 1 and 100000, got \(limit).")
        }
    }

    func run() throws {
        do {
            guard let path = db ?? StoreOptions.defaultPath() else {
                throw ExitStatus.missingInput.fail("no run history: HOME is not set; name one with --db FILE or PERFBENCH_DB.")
            }
            let store = try RunStore.open(path: path, access: .readOnly)
            let report = try HistoryReport(store: store, limit: limit, config: config)
            try ReportOutput.write(format == .json ? report.json() : report.text(), to: nil)
        } catch let error as StoreError {
            throw (ExitStatus(rawValue: error.exitCode) ?? .internalError).fail(error.description)
        }
    }
}
