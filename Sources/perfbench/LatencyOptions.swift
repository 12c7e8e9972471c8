import ArgumentParser
import PerfbenchReplay

/// `--latency TARGET=CHANGE` (repeatable): what-ifs on the upstream's speed.
struct LatencyOptions: ParsableArguments {
    @Option(
        name: .customLong("latency"),
        help: ArgumentHelp(
            "Change the latency of every answer a host, tool, LLM task or endpoint gets: a factor (reccobeats=0.5 is "
                + "twice as fast) or a shift (llm=+2s, get_artist_top_tracks=-300ms); repeatable, applied in order. "
                + "Targets: spotify, reccobeats, llm, a tool name, llm:TASK, or HOST:/endpoint/{id}/template.",
            valueName: "target=change"))
    var texts: [String] = []

    /// The parsed changes (validated in `validate`).
    var changes: [LatencyChange] { texts.compactMap { try? LatencyChange(parsing: $0) } }

    func validate() throws {
        for text in texts {
            do {
                _ = try LatencyChange(parsing: text)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    /// Puts the changes into `options`.
    func apply(to options: inout ReplayOptions) {
        options.latencyChanges = changes
    }
}
