import PerfbenchRecording

/// Why a configuration could not be built: an unknown id or preset, a bad value, or a config
/// file that is missing or malformed.
///
/// The description is the whole user-facing message (with `file:line:` for file errors), and
/// `exitCode` is the one CLI.md assigns, so the command line only prints and exits.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// An unknown phase or preset, or a bad value on the command line or in the environment.
        case usage
        /// A config file whose content is not valid (syntax, unknown key, bad value).
        case malformedFile
        /// A config file that does not exist or cannot be read.
        case missingFile
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// What failed and how to fix it, without the file and line prefix.
    public let message: String
    /// The config file the error is in, if any.
    public let file: String?
    /// The 1-based line in `file`, if known.
    public let line: Int?

    /// Creates an error; prefer the named factories.
    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
    }

    /// The process exit code CLI.md assigns: 64 usage, 65 bad input data, 66 missing input.
    public var exitCode: Int32 {
        switch kind {
        case .usage: 64
        case .malformedFile: 65
        case .missingFile: 66
        }
    }

    /// `file:line: message`, `file: message` or just the message.
    public var description: String {
        // A value quoted back may be a credential pasted into the wrong key: redacted.
        let message = Redactor().redactText(message)
        return switch (file, line) {
        case let (file?, line?): "\(file):\(line): \(message)"
        case let (file?, nil): "\(file): \(message)"
        default: message
        }
    }
}

extension ConfigurationError {
    /// `unknown phase "paralel-artists". Did you mean "parallel-artists"?`
    static func unknownPhase(_ name: String) -> ConfigurationError {
        let hint = NearestName.suggestion(for: name, among: PhaseID.sorted.map(\.rawValue))
        return .init(.usage, "unknown phase \"\(name)\". \(hint ?? "Run 'perfbench phases' to list them.")")
    }

    /// `unknown preset "guide-imediate". Did you mean "guide-immediate"?`
    static func unknownPreset(_ name: String) -> ConfigurationError {
        let hint = NearestName.suggestion(for: name, among: Preset.all.map(\.name))
        return .init(.usage, "unknown preset \"\(name)\". \(hint ?? "Run 'perfbench presets' to list them.")")
    }

    /// An item of a spec that is neither a preset nor a phase; suggests the nearest of either.
    static func unknownItem(_ name: String) -> ConfigurationError {
        let candidates = Preset.all.map(\.name) + PhaseID.sorted.map(\.rawValue)
        let hint = NearestName.suggestion(for: name, among: candidates)
        return .init(
            .usage,
            "unknown preset or phase \"\(name)\". "
                + (hint ?? "Run 'perfbench presets' and 'perfbench phases' to list them."))
    }
}
