import Foundation
import PerfbenchRecording

/// A config file (`--config FILE`, or a file SPEC), read and checked.
///
/// Schema, the same in TOML and JSON (`.json` files are JSON; `.toml` and any other name are
/// TOML unless the first non-blank character is `{`):
///
/// ```toml
/// # perf.toml
/// name = "fast-anchors"              # optional: the configuration's name in reports
/// preset = "guide-immediate"         # optional: a preset, or a list ["guide-immediate", "plan-critical-path"]
///
/// [phases]                           # optional: toggles on top of the preset(s)
/// top-tracks-batch = 10              # numbers as numbers or strings
/// skip-iteration = "shipped"         # named values: baseline, doc, shipped, on, off
/// fast-anchor-scoring = true         # true/false mean on/off
/// reccobeats-timeout = "60s"
/// ```
/// A gate also reads `require = ["plan", "total.p95<=90s"]` (a string or a list): absolute
/// criteria, as `gate --require` takes them; other commands ignore it.
/// ```json
/// { "name": "fast-anchors", "preset": "guide-immediate",
///   "phases": { "top-tracks-batch": 10, "skip-iteration": "shipped", "fast-anchor-scoring": true } }
/// ```
/// An optional `schema = "perfbench.config/1"` is accepted. Unknown keys, presets and phases and
/// bad values are errors with the file and line (exit 65).
public struct ConfigurationFile: Sendable, Equatable {
    /// A value of the file with the line it is on.
    public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
        /// The value.
        public let value: Value
        /// Its 1-based line.
        public let line: Int
    }

    /// The path the file was read from (as given), used in error messages.
    public let path: String
    /// The `name` key, if present.
    public let name: String?
    /// The `preset` key's preset names, in order.
    public let presets: [Located<String>]
    /// The `[phases]` entries as `(id, value text)`, in file order; values are checked.
    public let phases: [Located<PhaseSetting>]
    /// The `require` key's criteria texts (read by the gate, which checks them).
    public let requirements: [Located<String>]

    /// The schema name a file may declare.
    public static let schema = "perfbench.config/1"

    /// Reads and checks the file at `path`: exit 66 if it cannot be read, 65 if malformed.
    public static func load(path: String) throws(ConfigurationError) -> ConfigurationFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigurationError(
                .missingFile, exists ? "cannot read the config file" : "no such config file", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(.malformedFile, "the config file is not UTF-8 text", file: path)
        }
        return try parse(text, path: path)
    }

    /// Parses and checks file content; `path` picks the format and names the file in errors.
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> ConfigurationFile {
        let entries: [ConfigEntry]
        do throws(ConfigSyntaxError) {
            entries = isJSON(text, path: path) ? try JSONConfigReader.read(text) : try TOMLSubsetReader.read(text)
        } catch {
            throw ConfigurationError(.malformedFile, error.message, file: path, line: error.line)
        }
        return try ConfigurationFile(path: path, entries: entries)
    }

    private static func isJSON(_ text: String, path: String) -> Bool {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".json") { return true }
        if lowered.hasSuffix(".toml") { return false }
        return text.first { !$0.isWhitespace } == "{"
    }

    private init(path: String, entries: [ConfigEntry]) throws(ConfigurationError) {
        self.path = path
        var name: String?
        var presets: [Located<String>] = []
        var phases: [Located<PhaseSetting>] = []
        var requirements: [Located<String>] = []
        func fail(_ message: String, _ line: Int) -> ConfigurationError {
            ConfigurationError(.malformedFile, message, file: path, line: line)
        }
        for entry in entries {
            switch (entry.key, entry.value) {
            case ("schema", .string(let schema)):
                guard schema == Self.schema else {
                    throw fail("unsupported schema \"\(schema)\"; this perfbench reads \"\(Self.schema)\"", entry.line)
                }
            case ("name", .string(let value)):
                name = value
            case ("preset", .string(let value)):
                presets.append(Located(value: value, line: entry.line))
            case ("preset", .array(let values)):
                for value in values {
                    guard case .string(let text) = value else {
                        throw fail("preset must list preset names as strings, not \(value.typeName)", entry.line)
                    }
                    presets.append(Located(value: text, line: entry.line))
                }
            case ("require", .string(let value)):
                requirements.append(Located(value: value, line: entry.line))
            case ("require", .array(let values)):
                for value in values {
                    guard case .string(let text) = value else {
                        throw fail("require must list criteria as strings, not \(value.typeName)", entry.line)
                    }
                    requirements.append(Located(value: text, line: entry.line))
                }
            case ("phases", .table(let settings)):
                for setting in settings {
                    phases.append(Located(value: try Self.setting(setting, fail: fail), line: setting.line))
                }
            case ("schema", let value), ("name", let value), ("preset", let value), ("phases", let value),
                ("require", let value):
                let expected = Self.expectedType[entry.key] ?? "a string"
                throw fail("\(entry.key) must be \(expected), not \(value.typeName)", entry.line)
            default:
                let hint = NearestName.suggestion(for: entry.key, among: ["name", "phases", "preset", "require", "schema"])
                    ?? "A config file holds name, preset, require and [phases]."
                throw fail("unknown key \"\(entry.key)\". \(hint)", entry.line)
            }
        }
        for preset in presets where !Preset.exists(preset.value) {
            throw fail(ConfigurationError.unknownPreset(preset.value).message, preset.line)
        }
        self.name = name
        self.presets = presets
        self.phases = phases
        self.requirements = requirements
    }

    private static let expectedType = [
        "schema": "a string", "name": "a string", "preset": "a string or a list of strings",
        "phases": "a table ([phases] in TOML, an object in JSON)", "require": "a string or a list of strings",
    ]

    /// One `[phases]` entry as a checked setting: the id must exist and the value parse.
    private static func setting(
        _ entry: ConfigEntry, fail: (String, Int) -> ConfigurationError
    ) throws(ConfigurationError) -> PhaseSetting {
        let text: String
        switch entry.value {
        case .string(let value), .number(let value): text = value
        case .bool(let value): text = value ? "on" : "off"
        default:
            throw fail("\(entry.key) must be a string, a number or a boolean, not \(entry.value.typeName)", entry.line)
        }
        do throws(ConfigurationError) {
            let phase = try Phase.named(entry.key)
            // Checked now against a scratch configuration, so a bad value is reported with its
            // line even before the file is applied; parsing never depends on other values.
            var scratch = PipelineConfiguration.baseline
            try phase.apply(text, to: &scratch)
            return PhaseSetting(phase.id, text)
        } catch {
            throw fail(error.message, entry.line)
        }
    }
}
