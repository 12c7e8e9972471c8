import ArgumentParser
import PerfbenchPipeline

/// `perfbench presets`: every preset, the seed sections it applies and what it sets.
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the presets: seed sections, description and the toggles each sets.",
        discussion: """
            A preset is a named group of toggles: a phase of work from a seed (guide-immediate, \
            plan-critical-path, …) or what the backend had shipped by a date (shipped-11-10, \
            shipped-11-13, shipped-latest). "BASED ON" presets apply their base first. Presets \
            are overlays: later ones win where they overlap, and baseline resets every toggle.

            Use one with --preset on replay, baseline and gate, or in a SPEC (diff --base and \
            --candidate), alone or with toggles:
              --preset guide-immediate
              --preset plan-critical-path --phase seed-stagger=0
              --base baseline --candidate guide-immediate,top-tracks-batch=10

            --format json prints {"schema": "perfbench.presets/1", "presets": [...]} with sorted \
            keys; each preset's "phases" holds every toggle it moves away from baseline.

            Examples:
              perfbench presets
              perfbench presets --format json
            """
    )

    @Option(help: "Output format: text or json.")
    var format: CatalogueFormat = .text

    func run() throws {
        let listing: String
        do {
            listing = try format == .text ? PresetListing.text() : PresetListing.json()
        } catch {
            // Presets are fixed data checked by the tests; failing here is a bug, not bad input.
            throw ExitStatus.internalError.fail("could not list the presets (a bug; please report it): \(error)")
        }
        try ReportOutput.write(listing, to: nil)
    }
}
