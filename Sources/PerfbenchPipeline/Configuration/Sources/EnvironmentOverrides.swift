import Foundation

/// The seed's own environment variables (guide 3.1's `.env` block), mapped onto toggles.
///
/// The library never reads the process environment itself: callers pass a `[String: String]`
/// (the CLI passes `ProcessInfo.processInfo.environment`; tests pass literals), so a replay's
/// configuration depends only on what it is given.
public enum EnvironmentOverrides {
    /// One variable: its name, the toggle it sets, and how its value maps.
    public struct Variable: Sendable {
        /// The variable name, e.g. `MAX_ITERATIONS`.
        public let name: String
        /// The toggle it sets.
        public let phase: PhaseID
        /// How the value maps, for help text.
        public let meaning: String
        let apply: @Sendable (String, inout PipelineConfiguration) throws(ConfigurationError) -> Void
    }

    /// Every variable perfbench reads, sorted by name (the order they are applied in; each sets a
    /// different toggle, so the order never changes the result).
    public static let variables: [Variable] = [
        Variable(
            name: "ANCHOR_SELECTION_LIMIT", phase: .anchorSelectionLimit,
            meaning: "anchor-selection-limit=VALUE",
            apply: { value, configuration throws(ConfigurationError) in
                try configuration.set(.anchorSelectionLimit, to: value)
            }),
        Variable(
            name: "FAST_MODE", phase: .fastAnchorScoring,
            meaning: "true: fast-anchor-scoring=on; false: off",
            apply: { value, configuration throws(ConfigurationError) in
                configuration.fastAnchorScoring = try flag(value, "FAST_MODE")
            }),
        Variable(
            name: "MAX_ARTISTS_FOR_DISCOVERY", phase: .discoveryArtistLimit,
            meaning: "the artist search limit of discovery-artist-limit (its other parts unchanged)",
            apply: { value, configuration throws(ConfigurationError) in
                do throws(PhaseValueProblem) {
                    configuration.discoveryLimits.artistSearchLimit = try PhaseText.integer(
                        value, in: DiscoveryLimits.artistRange)
                } catch {
                    throw ConfigurationError(.usage, "MAX_ARTISTS_FOR_DISCOVERY=\(value): \(error.message)")
                }
            }),
        Variable(
            name: "MAX_ITERATIONS", phase: .maxIterations,
            meaning: "max-iterations=VALUE",
            apply: { value, configuration throws(ConfigurationError) in
                try configuration.set(.maxIterations, to: value)
            }),
        Variable(
            name: "QUALITY_THRESHOLD", phase: .qualityThreshold,
            meaning: "quality-threshold=VALUE",
            apply: { value, configuration throws(ConfigurationError) in
                try configuration.set(.qualityThreshold, to: value)
            }),
        Variable(
            name: "SKIP_ITERATION_IF_QUALITY_GOOD", phase: .skipIteration,
            meaning: "true: skip-iteration on (the guide's thresholds unless already on); false: off",
            apply: { value, configuration throws(ConfigurationError) in
                if try flag(value, "SKIP_ITERATION_IF_QUALITY_GOOD") {
                    // Keep a policy set by a preset or file (e.g. the shipped one); only switch on.
                    if configuration.skipIteration == nil { configuration.skipIteration = .guide }
                } else {
                    configuration.skipIteration = nil
                }
            }),
    ]

    /// Applies every variable present (and non-empty) in `environment`, returning the names
    /// applied, in order.
    @discardableResult
    public static func apply(
        _ environment: [String: String], to configuration: inout PipelineConfiguration
    ) throws(ConfigurationError) -> [String] {
        var applied: [String] = []
        for variable in variables {
            guard let raw = environment[variable.name] else { continue }
            let value = raw.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            do throws(ConfigurationError) {
                try variable.apply(value, &configuration)
            } catch {
                throw ConfigurationError(.usage, attributed(error.message, to: variable, value: value))
            }
            applied.append(variable.name)
        }
        return applied
    }

    /// Names the variable in a message about its value: the user set `MAX_ITERATIONS`, not a
    /// `--phase` flag, so `max-iterations=9: …` becomes `MAX_ITERATIONS=9 (max-iterations): …`.
    private static func attributed(_ message: String, to variable: Variable, value: String) -> String {
        if message.hasPrefix(variable.name) { return message }
        let phasePrefix = "\(variable.phase.rawValue)=\(value)"
        let rest = message.hasPrefix(phasePrefix) ? String(message.dropFirst(phasePrefix.count)) : ": " + message
        return "\(variable.name)=\(value) (\(variable.phase.rawValue))" + rest
    }

    private static func flag(_ value: String, _ name: String) throws(ConfigurationError) -> Bool {
        guard let flag = PhaseText.onOff(value) else {
            throw ConfigurationError(.usage, "\(name)=\(value): must be true or false")
        }
        return flag
    }
}
