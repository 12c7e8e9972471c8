/// One toggle's value as text, e.g. `top-tracks-batch` = `10`.
public struct PhaseSetting: Sendable, Hashable, CustomStringConvertible {
    /// The toggle.
    public let id: PhaseID
    /// Its value text: canonical in a configuration's settings, possibly named (`doc`) in a preset.
    public let value: String

    /// Creates a setting.
    public init(_ id: PhaseID, _ value: String) {
        self.id = id
        self.value = value
    }

    /// `id=value`, the form `--phase` takes.
    public var description: String { "\(id.rawValue)=\(value)" }
}

/// One toggle whose value differs between two configurations.
public struct PhaseDifference: Sendable, Hashable, CustomStringConvertible {
    /// The toggle.
    public let id: PhaseID
    /// Its value in the configuration compared against.
    public let from: String
    /// Its value in this configuration.
    public let to: String

    /// `id: from -> to`.
    public var description: String { "\(id.rawValue): \(from) -> \(to)" }
}

extension PipelineConfiguration {
    /// Every toggle's canonical value, sorted by id: the `"phases"` object of reports and
    /// recording headers.
    public var phaseSettings: [PhaseSetting] {
        Phase.all.map { PhaseSetting($0.id, $0.value(in: self)) }
    }

    /// The same as a map from id to value; encode it with sorted keys (JSONEncoder
    /// `.sortedKeys`) or iterate `phaseSettings` for a stable order.
    public var phaseMap: [String: String] {
        Dictionary(uniqueKeysWithValues: phaseSettings.map { ($0.id.rawValue, $0.value) })
    }

    /// The canonical text of one toggle's value.
    public func value(of id: PhaseID) -> String { Phase.phase(id).value(in: self) }

    /// Sets one toggle from text (a free or a named value; nil means `on`).
    public mutating func set(_ id: PhaseID, to value: String?) throws(ConfigurationError) {
        try Phase.phase(id).apply(value, to: &self)
    }

    /// Rebuilds a configuration from its phase map, e.g. from a recording header.
    ///
    /// Ids the map lacks take their baseline value, so headers written before a toggle existed
    /// still load (the toggle did not exist, so the run had its baseline behaviour). Unknown ids
    /// and bad values are errors naming the nearest id and the accepted values.
    public init(name: String, phases: [String: String]) throws(ConfigurationError) {
        self.init(name: name)
        // Sorted so that with several bad entries the same one is reported every time.
        for key in phases.keys.sorted() {
            try Phase.named(key).apply(phases[key], to: &self)
        }
    }

    /// The toggles whose values differ from `other`'s, sorted by id (names are not compared).
    public func differences(from other: PipelineConfiguration) -> [PhaseDifference] {
        Phase.all.compactMap { phase in
            let mine = phase.value(in: self)
            let theirs = phase.value(in: other)
            return mine == theirs ? nil : PhaseDifference(id: phase.id, from: theirs, to: mine)
        }
    }

    /// Whether every toggle has the same value as in `other`, whatever the names.
    public func hasSameValues(as other: PipelineConfiguration) -> Bool {
        differences(from: other).isEmpty
    }
}

extension PipelineConfiguration: Codable {
    private enum Key: String, CodingKey { case name, phases }

    /// Encodes `{"name": …, "phases": {id: value, …}}`, the shape of CLI.md's `"config"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: .name)
        try container.encode(phaseMap, forKey: .phases)
    }

    /// Decodes the shape `encode(to:)` writes, validating every value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let name = try container.decode(String.self, forKey: .name)
        let phases = try container.decodeIfPresent([String: String].self, forKey: .phases) ?? [:]
        do throws(ConfigurationError) {
            try self.init(name: name, phases: phases)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .phases, in: container, debugDescription: error.description)
        }
    }
}
