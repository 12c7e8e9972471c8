import Foundation

/// One optimization toggle of PIPELINE.md §7: where it comes from, what it accepts, and its
/// baseline, `doc` (the seed's proposal) and `shipped` (what the backend actually shipped) values.
///
/// Values are text in the canonical form of `PipelineConfiguration`'s phase map. Besides free
/// values (`parallel-artists=8`) every phase accepts the named values `baseline`, `doc`,
/// `shipped`, `on` (the optimization on: `doc`, or `shipped` for shipped-only toggles) and `off`
/// (the optimization off: `baseline`); an id alone means `on`.
public struct Phase: Sendable, Identifiable {
    /// The stable id, e.g. `parallel-artists`.
    public let id: PhaseID
    /// Where the toggle comes from: `guide 1.1`, `plan 2.2`, `shipped only`, `guide, long term`.
    public let seedSection: String
    /// One line on what the toggle changes.
    public let summary: String
    /// The accepted values, with ranges.
    public let kind: PhaseValueKind
    /// The accepted free values on one line, e.g. `off | 1-64`.
    public let syntax: String
    /// The value at the backend's baseline (2025-11-07).
    public let baseline: String
    /// The seed's proposal; nil for toggles no seed proposes (`shipped only`).
    public let doc: String?
    /// The value the backend shipped last; nil when it never shipped.
    public let shipped: String?
    /// How it shipped, with dates and earlier values (`60 s, later 180 s`), or `not shipped`.
    public let shippedNote: String

    private let read: @Sendable (PipelineConfiguration) -> String
    private let write: @Sendable (String, inout PipelineConfiguration) throws(PhaseValueProblem) -> Void

    /// Pairs a codec with a configuration property. The baseline is read from
    /// `PipelineConfiguration.baseline`, so the property's initial value is the only source of it.
    init<Value>(
        _ id: PhaseID, section: String, summary: String, codec: PhaseCodec<Value>,
        property: WritableKeyPath<PipelineConfiguration, Value> & Sendable,
        doc: Value?, shipped: Value?, shippedNote: String
    ) {
        self.id = id
        self.seedSection = section
        self.summary = summary
        self.kind = codec.kind
        self.syntax = codec.syntax
        self.baseline = codec.render(PipelineConfiguration.baseline[keyPath: property])
        self.doc = doc.map(codec.render)
        self.shipped = shipped.map(codec.render)
        self.shippedNote = shippedNote
        self.read = { configuration in codec.render(configuration[keyPath: property]) }
        self.write = { text, configuration throws(PhaseValueProblem) in
            configuration[keyPath: property] = try codec.parse(text)
        }
    }

    /// The seed's environment variables that set this toggle (`FAST_MODE`, …), if any.
    public var environmentNames: [String] {
        EnvironmentOverrides.variables.filter { $0.phase == id }.map(\.name)
    }

    /// The canonical text of this toggle's value in a configuration.
    public func value(in configuration: PipelineConfiguration) -> String { read(configuration) }

    /// Sets this toggle from text: a free value or a named one; nil (the id alone) means `on`.
    public func apply(
        _ value: String?, to configuration: inout PipelineConfiguration
    ) throws(ConfigurationError) {
        let text = try resolvedText(value)
        do throws(PhaseValueProblem) {
            try write(text, &configuration)
        } catch {
            let shown = value.map { "\(id.rawValue)=\($0)" } ?? id.rawValue
            throw ConfigurationError(.usage, "\(shown): \(error.message). Accepted: \(acceptedValues).")
        }
    }

    /// Every accepted form, for help and errors:
    /// `off | 1-64; or baseline (off), doc (12), shipped (8)`.
    public var acceptedValues: String {
        var named = ["baseline (\(baseline))"]
        if let doc { named.append("doc (\(doc))") }
        if let shipped { named.append("shipped (\(shipped))") }
        return "\(syntax); or \(named.joined(separator: ", "))"
    }

    /// Maps named values to canonical text; free values pass through lowercased.
    private func resolvedText(_ value: String?) throws(ConfigurationError) -> String {
        let text = (value ?? "").trimmingWhitespace().lowercased()
        switch text {
        case "", "on":
            // Every phase has a doc or a shipped value; the catalogue tests check it.
            guard let proposal = doc ?? shipped else {
                throw ConfigurationError(.usage, "\(id.rawValue) has no proposed value. Accepted: \(acceptedValues).")
            }
            return proposal
        case "off", "baseline":
            return baseline
        case "doc":
            guard let doc else {
                throw ConfigurationError(
                    .usage,
                    "\(id.rawValue)=doc: no seed proposes a value (\(seedSection)). Accepted: \(acceptedValues).")
            }
            return doc
        case "shipped":
            guard let shipped else {
                throw ConfigurationError(
                    .usage, "\(id.rawValue)=shipped: the backend never shipped it. Accepted: \(acceptedValues).")
            }
            return shipped
        default:
            return text
        }
    }
}

extension Phase {
    /// Every toggle, sorted by id.
    public static let all: [Phase] = (guideCatalogue + planCatalogue + shippedCatalogue).sorted { $0.id < $1.id }

    private static let byID: [PhaseID: Phase] = Dictionary(
        all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The toggle with this id.
    public static func phase(_ id: PhaseID) -> Phase {
        // Safe: the catalogue tests check every PhaseID has exactly one entry; a missing one is a
        // programming error worth stopping on.
        guard let phase = byID[id] else { preconditionFailure("no catalogue entry for \(id.rawValue)") }
        return phase
    }

    /// The toggle with this id text, or an error naming the nearest valid id.
    public static func named(_ name: String) throws(ConfigurationError) -> Phase {
        let trimmed = name.trimmingWhitespace()
        guard let id = PhaseID(rawValue: trimmed.lowercased()) else { throw .unknownPhase(trimmed) }
        return phase(id)
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation when there is nothing to trim:
    /// `.whitespaces` holds space, tab and non-ASCII space separators only, so a string that
    /// starts and ends with any other ASCII byte comes back as it is.
    func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, Self.keepsAtEdge(first), Self.keepsAtEdge(last) {
            return self
        }
        return trimmingCharacters(in: .whitespaces)
    }

    private static func keepsAtEdge(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
    }
}
