/// A problem with a recording, HAR file or log: where it is, what is wrong and how to fix it.
///
/// `description` reads `path:line: field: what is wrong. how to fix it.` (line and field are left
/// out when unknown) and never contains a secret value; `exitCode` is the CLI.md exit code.
public struct RecordingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The class of failure, which decides the exit code.
    public enum Kind: String, Sendable, Equatable {
        /// The data is malformed or unsupported (exit 65).
        case badData
        /// The input file is missing or cannot be read (exit 66).
        case unreadable
        /// Writing the output failed (exit 74).
        case writeFailed
    }

    /// The class of failure.
    public var kind: Kind
    /// The file the problem is in.
    public var path: String
    /// The 1-based line, when the problem is on a line.
    public var line: Int?
    /// The field (or layer, such as `gzip`) the problem is in, when there is one.
    public var field: String?
    /// What is wrong, without a trailing period.
    public var problem: String
    /// How to fix it, without a trailing period (a trailing question mark is kept).
    public var fix: String

    /// Makes an error; `problem` and `fix` are sentence fragments without trailing periods.
    public init(
        _ kind: Kind, path: String, line: Int? = nil, field: String? = nil, problem: String, fix: String
    ) {
        self.kind = kind
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem
        self.fix = fix
    }

    /// The process exit code of CLI.md: 65 bad data, 66 missing or unreadable input, 74 write
    /// failure.
    public var exitCode: Int32 {
        switch kind {
        case .badData: return 65
        case .unreadable: return 66
        case .writeFailed: return 74
        }
    }

    /// `path:line: field: problem. fix.`
    public var description: String {
        var text = path
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "\(field): " }
        // A malformed value may be a credential: what the message quotes is redacted.
        text += SecretText.redact(problem) + ". " + SecretText.redact(fix)
        // A fix may end in a question ("did you mean …?"); don't stack a period after it.
        if !fix.hasSuffix("?"), !fix.hasSuffix(".") { text += "." }
        return text
    }

    /// The same error placed on `line`, unless it already names one.
    func onLine(_ line: Int) -> RecordingError {
        var copy = self
        if copy.line == nil { copy.line = line }
        return copy
    }

    /// A bad-data error (exit 65).
    public static func badData(
        _ path: String, line: Int? = nil, field: String? = nil, _ problem: String, fix: String
    ) -> RecordingError {
        RecordingError(.badData, path: path, line: line, field: field, problem: problem, fix: fix)
    }
}
