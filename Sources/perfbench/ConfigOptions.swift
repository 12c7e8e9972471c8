import ArgumentParser
import Foundation
import PerfbenchPipeline

/// The configuration flags every replaying command shares (`replay`, `baseline`, `gate`):
/// `--preset`, `--phase` and `--config`, resolved together with the seed's environment variables.
///
/// Use as `@OptionGroup var config: ConfigOptions`, then
/// `try config.resolve(startingFrom: recordingConfiguration)`.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("preset"),
        help: ArgumentHelp(
            "Apply a preset (repeatable; later ones win). Any preset starts from baseline instead of "
                + "the recording's configuration. See 'perfbench presets'.",
            valueName: "name"))
    var presets: [String] = []

    @Option(
        name: .customLong("phase"),
        help: ArgumentHelp(
            "Set one toggle (repeatable): ID alone means its doc value; ID=VALUE takes a free value or "
                + "baseline, doc, shipped, on, off. See 'perfbench phases'.",
            valueName: "id[=value]"))
    var phases: [String] = []

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "Read a preset and [phases] from a TOML or JSON file.", valueName: "file"))
    var configFile: String?

    /// Whether the seed's environment variables change the configuration.
    enum EnvironmentMode: String, ExpressibleByArgument, CaseIterable {
        case apply, ignore
    }

    @Option(
        name: .customLong("env-overrides"),
        help: ArgumentHelp(
            "apply (default) or ignore the seed's environment variables (FAST_MODE, MAX_ITERATIONS, …); "
                + "what they set is always named in the report's configuration line.",
            valueName: "mode"))
    var environmentMode: EnvironmentMode = .apply

    /// Help text for commands that embed these flags: precedence and examples.
    static let discussion = """
        Configuration: presets < --config file < environment (FAST_MODE, \
        SKIP_ITERATION_IF_QUALITY_GOOD, MAX_ITERATIONS, QUALITY_THRESHOLD, ANCHOR_SELECTION_LIMIT, \
        MAX_ARTISTS_FOR_DISCOVERY) < --phase flags. What the environment set is named in every \
        report's configuration line, e.g. "baseline,max-iterations=0 (environment: MAX_ITERATIONS=0)"; \
        --env-overrides ignore leaves it out (a backend .env exported in CI then changes nothing). Without --preset, flags change the starting \
        configuration: a recording's own when replaying one, baseline when running afresh.

          --preset plan-critical-path --phase seed-stagger=0
          --phase skip-iteration --phase parallel-artists=8
          --config perf.toml            (preset = "guide-immediate" and a [phases] table)
        """

    /// Whether no configuration flag was given (the environment may still apply).
    var isEmpty: Bool { presets.isEmpty && phases.isEmpty && configFile == nil }

    /// Rejects unknown presets and phases and bad values before any work (exit 64).
    func validate() throws {
        do {
            try sources(environment: [:]).validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The flags as library sources, with `environment` for the seed's variables.
    func sources(environment: [String: String]) -> ConfigurationSources {
        ConfigurationSources(
            presets: presets, configFile: configFile, environment: environmentMode == .apply ? environment : [:],
            phases: phases)
    }

    /// Whether the environment sets any toggle under this mode.
    func environmentApplies(_ environment: [String: String]) -> Bool {
        environmentMode == .apply && EnvironmentOverrides.variables.contains { environment[$0.name] != nil }
    }

    /// The configuration the flags, file and environment select on top of `start` (the
    /// recording's configuration). Failures print `perfbench: …` and exit 64, 65 or 66.
    func resolve(
        startingFrom start: PipelineConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PipelineConfiguration {
        do {
            return try sources(environment: environment).resolve(startingFrom: start)
        } catch {
            throw Self.exitStatus(for: error).fail(error.description)
        }
    }

    /// The exit status CLI.md assigns to a configuration error.
    static func exitStatus(for error: ConfigurationError) -> ExitStatus {
        switch error.kind {
        case .usage: .usage
        case .malformedFile: .badInput
        case .missingFile: .missingInput
        }
    }
}
