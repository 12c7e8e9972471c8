/// Why a recording's header says a toggle had a value: the value, the log lines that show it,
/// and the reasoning in one sentence (issue 13 §1). An importer that infers the configuration a
/// backend ran from its own log writes one per inferred toggle, so `inspect` and every replay
/// can say where the configuration came from.
public struct ConfigEvidence: Sendable, Equatable, Hashable, Codable {
    /// The toggle's id (`reccobeats-timeout`).
    public var phase: String
    /// The value inferred (`180s`).
    public var value: String
    /// Line numbers of the source (1-based) that show it, at most a handful.
    public var lines: [Int]
    /// What those lines show, e.g. "a ReccoBeats request took 139.9 s and succeeded".
    public var why: String

    /// Makes evidence for one toggle.
    public init(phase: String, value: String, lines: [Int], why: String) {
        self.phase = phase
        self.value = value
        self.lines = lines
        self.why = why
    }

    /// `phase=value (lines 12, 40: why)`, the form `import` and `inspect` print.
    public var text: String {
        let shown = lines.prefix(Self.shownLines).map(String.init).joined(separator: ", ")
        let more = lines.count > Self.shownLines ? " and \(lines.count - Self.shownLines) more" : ""
        let place = lines.isEmpty ? "" : (lines.count == 1 ? "line " : "lines ") + shown + more + ": "
        return "\(phase)=\(value) (\(place)\(why))"
    }

    /// How many line numbers `text` prints before it says how many more there are.
    static let shownLines = 5
}
