import ArgumentParser
import PerfbenchRecording

/// The `perfbench` command: a thin front over the modules; every subcommand lives in its own file.
@main
struct Perfbench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perfbench",
        abstract: "Record, replay and compare a playlist workflow on a virtual clock.",
        discussion: """
            perfbench replays the HTTP exchanges of a recommendation workflow (Spotify, \
            ReccoBeats, LLM) through a Swift model of the pipeline on a virtual clock: a \
            five-minute workflow replays in milliseconds, with the same timings on every run.

            Exit codes: 0 success, 1 internal error (a bug), 2 gate regression or unmet --require, 64 usage error, \
            65 bad input data, 66 input missing or unreadable (record: an upstream unreachable), 74 \
            I/O error writing output, 130/143 interrupted (temporary files removed).
            """,
        version: PerfbenchVersion.current,
        subcommands: [
            ReplayCommand.self,
            DiffCommand.self,
            ExplainCommand.self,
            SweepCommand.self,
            OptimizeCommand.self,
            BaselineCommand.self,
            GateCommand.self,
            MergeCommand.self,
            DemoCommand.self,
            PhasesCommand.self,
            PresetsCommand.self,
            SynthCommand.self,
            ServeCommand.self,
            RecordCommand.self,
            InspectCommand.self,
            ImportCommand.self,
            HistoryCommand.self,
        ]
    )

    /// Installs the interrupt cleanup (except for `serve`, which stops cleanly on its own), then
    /// runs the command line.
    static func main() async {
        if CommandLine.arguments.dropFirst().first != "serve" { InterruptCleanup.install() }
        await main(nil)
    }
}
