import Foundation

/// Everything that can choose a configuration — presets, a config file, the seed's environment
/// variables and single toggles — and the rule that layers them.
///
/// Precedence, lowest first: **presets < config file < environment < phase items**. The more
/// specific and the more local a source, the later it applies, so a `--phase` flag always wins
/// and an exported `MAX_ITERATIONS` beats a shared config file. In detail:
/// 1. Start from `startingFrom` (a recording's configuration), unless any preset is given (on
///    the command line or in the file): then start from baseline (CLI.md: "flags start from the
///    recording's configuration unless a --preset resets it").
/// 2. Apply the file's presets, then the command line's, in order (presets are overlays, so
///    later ones win where they overlap).
/// 3. Apply the file's `[phases]`, then the environment, then phase items, in order.
///
/// The result is named so it reads as a SPEC that reproduces it: the presets (or the file's
/// `name`, or the starting configuration's name) followed by every toggle that later layers
/// changed, e.g. `guide-immediate,top-tracks-batch=10`.
public struct ConfigurationSources: Sendable, Equatable {
    /// Preset names (`--preset`), in order.
    public var presets: [String]
    /// A config file path (`--config`).
    public var configFile: String?
    /// The environment to read the seed's variables from (`FAST_MODE`, `MAX_ITERATIONS`, …).
    public var environment: [String: String]
    /// Toggle items (`--phase`): `id` (meaning `on`) or `id=value`.
    public var phases: [String]

    /// Creates sources; all empty means "the starting configuration as it is".
    public init(
        presets: [String] = [], configFile: String? = nil, environment: [String: String] = [:],
        phases: [String] = []
    ) {
        self.presets = presets
        self.configFile = configFile
        self.environment = environment
        self.phases = phases
    }

    /// Whether no preset, file or phase item is given (the environment is not counted).
    public var isEmpty: Bool { presets.isEmpty && configFile == nil && phases.isEmpty }

    /// Checks preset names and phase items without reading the file or environment, for early
    /// usage errors (exit 64) before any work starts.
    public func validate() throws(ConfigurationError) {
        var scratch = PipelineConfiguration.baseline
        for preset in presets { _ = try Preset.named(preset) }
        for item in phases { try Self.apply(item: item, to: &scratch) }
    }

    /// Layers every source on top of `start` (see the type's documentation for the order).
    public func resolve(startingFrom start: PipelineConfiguration) throws(ConfigurationError) -> PipelineConfiguration {
        let file = try configFile.map { path throws(ConfigurationError) in try ConfigurationFile.load(path: path) }
        let presetNames = (file?.presets.map(\.value) ?? []) + presets
        var configuration = presetNames.isEmpty ? start : PipelineConfiguration.baseline
        for name in presetNames { try Preset.named(name).apply(to: &configuration) }
        var nameBase = presetNames.isEmpty ? start.name : presetNames.map { $0.lowercased() }.joined(separator: ",")
        var checkpoint = configuration

        if let file {
            for setting in file.phases { try configuration.set(setting.value.id, to: setting.value.value) }
            if let fileName = file.name {
                nameBase = fileName
                checkpoint = configuration
            }
        }
        let fromEnvironment = try EnvironmentOverrides.apply(environment, to: &configuration)
        for item in phases { try Self.apply(item: item, to: &configuration) }

        let changes = configuration.differences(from: checkpoint).map { "\($0.id.rawValue)=\($0.to)" }
        configuration.name = ([nameBase] + changes).joined(separator: ",")
        // The environment never acts unseen: every report's configuration line names what it set.
        if !fromEnvironment.isEmpty {
            let set = fromEnvironment.map { "\($0)=\(environment[$0]?.trimmingCharacters(in: .whitespaces) ?? "")" }
            configuration.name += " (environment: " + set.joined(separator: ", ") + ")"
        }
        return configuration
    }

    /// Applies one `id` or `id=value` item.
    static func apply(item: String, to configuration: inout PipelineConfiguration) throws(ConfigurationError) {
        let (id, value) = split(item)
        try Phase.named(id).apply(value, to: &configuration)
    }

    /// `id=value` → (`id`, `value`); `id` → (`id`, nil). Splits at the first `=` only.
    static func split(_ item: String) -> (id: String, value: String?) {
        guard let equals = item.firstIndex(of: "=") else {
            return (item.trimmingCharacters(in: .whitespaces), nil)
        }
        return (
            item[..<equals].trimmingCharacters(in: .whitespaces),
            String(item[item.index(after: equals)...])
        )
    }
}

extension ConfigurationSources {
    /// Parses a SPEC (CLI.md, `--base`/`--candidate`): a preset name, a config file path, or a
    /// comma list of presets, `id` and `id=value` items, e.g. `baseline,skip-iteration,top-tracks-batch=10`.
    ///
    /// A path is recognised by ending in `.toml` or `.json`, or, for a single item without `=`,
    /// by containing `/` or naming an existing file. In a list, presets apply before phase
    /// items whatever their position (the precedence above).
    public init(spec: String) throws(ConfigurationError) {
        self.init()
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw ConfigurationError(
                .usage, "empty configuration spec: give a preset, a config file, or items like baseline,skip-iteration")
        }
        if Preset.exists(trimmed) {
            presets = [trimmed]
            return
        }
        if Self.looksLikeFile(trimmed), PhaseID(rawValue: trimmed.lowercased()) == nil {
            configFile = trimmed
            return
        }
        for rawItem in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let item = rawItem.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else {
                throw ConfigurationError(.usage, "empty item in configuration spec \"\(trimmed)\"")
            }
            let (id, value) = Self.split(item)
            if value == nil, Preset.exists(id) {
                presets.append(id)
            } else if PhaseID(rawValue: id.lowercased()) != nil {
                var scratch = PipelineConfiguration.baseline
                try Self.apply(item: item, to: &scratch)  // reject bad values now, with the item
                phases.append(item)
            } else if value == nil {
                throw ConfigurationError.unknownItem(id)
            } else {
                throw ConfigurationError.unknownPhase(id)
            }
        }
    }

    private static func looksLikeFile(_ spec: String) -> Bool {
        let lowered = spec.lowercased()
        if lowered.hasSuffix(".toml") || lowered.hasSuffix(".json") { return true }
        if spec.contains(",") || spec.contains("=") { return false }
        return spec.contains("/") || FileManager.default.fileExists(atPath: spec)
    }
}

extension PipelineConfiguration {
    /// The configuration a SPEC denotes, layered on `start` (see `ConfigurationSources`).
    public static func resolve(
        spec: String, startingFrom start: PipelineConfiguration = .baseline
    ) throws(ConfigurationError) -> PipelineConfiguration {
        try ConfigurationSources(spec: spec).resolve(startingFrom: start)
    }
}
