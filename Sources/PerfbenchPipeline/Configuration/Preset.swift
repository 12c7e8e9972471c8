import Foundation

/// A named set of toggles from PIPELINE.md §7: a seed's phase of work, or what the backend had
/// shipped by a date.
///
/// A preset is an overlay: applying it sets its own toggles (and, first, those of the preset it
/// builds on, for the table's "+" presets) and leaves the others alone, so
/// `guide-immediate,plan-critical-path` combines both. `baseline` sets every toggle, so it resets.
public struct Preset: Sendable, Identifiable {
    /// The name users type, e.g. `guide-immediate`.
    public let name: String
    /// What the preset models, one or two sentences.
    public let summary: String
    /// The seed sections it applies, e.g. `["guide 1.1", "guide 1.2", "guide 1.3"]`.
    public let seedSections: [String]
    /// The preset it builds on ("+" in PIPELINE.md §7), applied first.
    public let basedOn: String?
    /// Its own settings, as written (values may be named: `doc`, `shipped`).
    public let ownSettings: [PhaseSetting]

    /// The name, which identifies a preset.
    public var id: String { name }

    init(
        _ name: String, basedOn: String? = nil, sections: [String], summary: String,
        settings: [PhaseSetting]
    ) {
        self.name = name
        self.summary = summary
        self.seedSections = sections
        self.basedOn = basedOn
        self.ownSettings = settings
    }

    /// Applies the preset's chain (base presets first) on top of `configuration`.
    public func apply(to configuration: inout PipelineConfiguration) throws(ConfigurationError) {
        if let basedOn { try Preset.named(basedOn).apply(to: &configuration) }
        for setting in ownSettings {
            try Phase.phase(setting.id).apply(setting.value, to: &configuration)
        }
    }

    /// The baseline with this preset applied, named after the preset.
    public func configuration() throws(ConfigurationError) -> PipelineConfiguration {
        var configuration = PipelineConfiguration(name: name)
        try apply(to: &configuration)
        return configuration
    }

    /// Every toggle the preset moves away from baseline, with its canonical value, sorted by id.
    public func changedSettings() throws(ConfigurationError) -> [PhaseSetting] {
        try configuration().differences(from: .baseline).map { PhaseSetting($0.id, $0.to) }
    }

    /// The preset with this name, or an error naming the nearest one.
    public static func named(_ name: String) throws(ConfigurationError) -> Preset {
        let key = name.trimmingWhitespace().lowercased()
        guard let preset = all.first(where: { $0.name == key }) else { throw .unknownPreset(name) }
        return preset
    }

    /// Whether a preset has this name.
    public static func exists(_ name: String) -> Bool {
        let key = name.trimmingWhitespace().lowercased()
        return all.contains { $0.name == key }
    }
}
