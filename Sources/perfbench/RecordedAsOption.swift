import ArgumentParser
import PerfbenchPipeline

/// `--recorded-as SPEC`: the configuration the captured backend ran, stated by the user, for
/// `import har` (a HAR cannot tell) and `import moodlist-log` (instead of what the log's lines
/// show). The recording's header carries it, and a plain replay runs it.
struct RecordedAsOption: ParsableArguments {
    @Option(
        name: .customLong("recorded-as"),
        help: ArgumentHelp(
            "The configuration the backend ran, when you know it: a preset, a TOML/JSON file, or a comma "
                + "list (shipped-11-10,parallel-artists=2). A plain replay runs it.",
            valueName: "spec"))
    var spec: String?

    /// The stated configuration as a name and the toggles it sets away from baseline (nil
    /// without the option); a bad SPEC exits 64/65/66 before anything is read.
    func stated() throws -> (name: String, phases: [String: String])? {
        guard let spec else { return nil }
        let configuration = try Replaying.configuration(spec: spec, option: "--recorded-as")
        let baseline = PipelineConfiguration.baseline.phaseMap
        return (spec, configuration.phaseMap.filter { baseline[$0.key] != $0.value })
    }
}
