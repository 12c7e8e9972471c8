import ArgumentParser
import PerfbenchPipeline

/// The formats `perfbench phases` and `perfbench presets` print.
enum CatalogueFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `perfbench phases`: every optimization toggle with its seed section and values.
struct PhasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phases",
        abstract: "List every optimization toggle: seed section, baseline/doc/shipped values, accepted values.",
        discussion: """
            Each of the 39 toggles is one optimization from the seeds ("guide" is the performance \
            optimization guide, "plan" the speed optimization plan), a change only the backend \
            shipped, or the state a run started in ("run state": how warm a persistent cache \
            was, which a backend log shows and an import infers). BASELINE is the backend on 2025-11-07, DOC the seed's proposal, SHIPPED what \
            the backend actually shipped last ('-': none). VALUES shows the free values accepted.

            Set a toggle with --phase on replay, baseline and gate, or as an item of a SPEC:
              --phase skip-iteration               the doc value (same as =doc or =on)
              --phase parallel-artists=8           a free value within the range
              --phase reccobeats-timeout=shipped   the shipped value (also: baseline, off)
              --phase seed-stagger=0 --phase reccobeats-timeout=90s

            Durations take a unit (ms, s, min, h, d; seconds if none). Multi-part values join \
            their parts with '/', e.g. audio-feature-batching=20/3/1.5s.

            --format json prints {"schema": "perfbench.phases/1", "phases": [...]} with sorted \
            keys, including each toggle's shipped history and environment variables.

            Examples:
              perfbench phases
              perfbench phases --format json
            """
    )

    @Option(help: "Output format: text or json.")
    var format: CatalogueFormat = .text

    func run() throws {
        switch format {
        case .text:
            try ReportOutput.write(PhaseListing.text(), to: nil)
        case .json:
            let json: String
            do {
                json = try PhaseListing.json()
            } catch {
                throw ExitStatus.internalError.fail(
                    "could not encode the phase list (a bug; please report it): \(error)")
            }
            try ReportOutput.write(json, to: nil)
        }
    }
}
