import PerfbenchRecording

/// One line of the moodlist backend's log, parsed: structlog console lines (ISO-8601 `Z` or local
/// `YYYY-MM-DD HH:MM:SS` timestamps, ANSI colours stripped), structlog JSON lines, and uvicorn
/// access lines (which carry no timestamp).
public struct MoodlistLogLine: Sendable, Equatable {
    /// Which clock a timestamp was read from. The backend logs through two formatters at once
    /// (UTC with microseconds, and local time to the second, hours apart), so times from
    /// different clocks must never be compared.
    public enum Clock: Sendable, Equatable {
        /// ISO 8601 with a zone, microsecond precision.
        case utc
        /// Local wall time without a zone, one-second precision.
        case local
    }

    /// Microseconds since the Unix epoch (local lines read as if UTC); nil for uvicorn lines.
    public var timestampMicros: Int64?
    /// The timestamp as written (`""` when none), e.g. for a header's `created_at`.
    public var timestampText = ""
    /// The clock `timestampMicros` came from.
    public var clock: Clock
    /// `info`, `warning`, `debug`, … (`access` for uvicorn lines).
    public var level: String
    /// The structlog event text (the message), trimmed.
    public var event: String
    /// The structlog `key=value` pairs (values unquoted; JSON values as text).
    public var fields: [String: String]
    /// Everything after the level: event, logger and pairs as written (markers are matched on
    /// this, since an event may itself contain `=`, e.g. `Overall score=0.66`).
    public var message: String
    /// Time the importer added back before this line because the log's clock lost it while
    /// the backend slept (`MoodlistClockRepair`); zero for a line as parsed.
    var lostMicros: Int64 = 0

    /// Makes a parsed line.
    public init(
        timestampMicros: Int64?, clock: Clock, level: String, event: String, fields: [String: String] = [:],
        message: String? = nil
    ) {
        self.message = message ?? event
        self.timestampMicros = timestampMicros
        self.clock = clock
        self.level = level
        self.event = event
        self.fields = fields
    }

    /// Parses one raw line; nil when it is none of the shapes the backend writes.
    public static func parse(_ raw: String) -> MoodlistLogLine? {
        let text = stripANSI(raw).trimmingSpaces()
        if text.isEmpty { return nil }
        if text.hasPrefix("{") { return parseJSON(text) }
        if text.hasPrefix("INFO:") || text.hasPrefix("WARNING:") || text.hasPrefix("ERROR:") {
            // uvicorn access/error lines: no timestamp, never a workflow marker.
            let body = text.drop { $0 != ":" }.dropFirst().trimmingPrefixSpaces()
            return MoodlistLogLine(timestampMicros: nil, clock: .local, level: "access", event: String(body))
        }
        return parseConsole(text)
    }

    /// Removes ANSI CSI sequences (`ESC [ … letter`), which the console renderer adds for colour.
    static func stripANSI(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var output = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\u{1B}" else { output.append(scalar); continue }
            guard let next = iterator.next(), next == "[" else { continue }
            while let inner = iterator.next() {
                if (inner.value >= 0x40 && inner.value <= 0x7E) { break }
            }
        }
        return String(output)
    }

    private static func parseConsole(_ text: String) -> MoodlistLogLine? {
        // `<timestamp> [level    ] event [logger] key=value …`
        guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return nil }
        let stamp = text[..<open].trimmingSpaces()
        guard let micros = ISO8601.microseconds(stamp) else { return nil }
        let clock: Clock = stamp.contains("T") ? .utc : .local
        let level = text[text.index(after: open)..<close].trimmingSpaces()
        let rest = String(text[text.index(after: close)...])
        let (event, fields) = MoodlistKeyValues.split(rest)
        var line = MoodlistLogLine(
            timestampMicros: micros, clock: clock, level: level, event: event, fields: fields,
            message: rest.trimmingSpaces())
        line.timestampText = stamp
        return line
    }

    private static func parseJSON(_ text: String) -> MoodlistLogLine? {
        guard let object = (try? JSONParser.parse(text))?.objectValue,
            let event = object["event"]?.stringValue
        else { return nil }
        var fields: [String: String] = [:]
        for member in object.members where !["event", "timestamp", "level", "logger"].contains(member.key) {
            fields[member.key] = MoodlistKeyValues.text(of: member.value)
        }
        let stamp = object["timestamp"]?.stringValue
        let micros = stamp.flatMap(ISO8601.microseconds)
        let clock: Clock = (stamp?.contains("T") ?? false) ? .utc : .local
        var line = MoodlistLogLine(
            timestampMicros: micros, clock: clock, level: object["level"]?.stringValue ?? "info",
            event: event.trimmingSpaces(), fields: fields,
            message: ([event] + fields.keys.sorted().map { "\($0)=\(fields[$0] ?? "")" }).joined(separator: " "))
        line.timestampText = stamp ?? ""
        return line
    }
}

extension Substring {
    func trimmingSpaces() -> String { String(self).trimmingSpaces() }

    func trimmingPrefixSpaces() -> Substring { drop { $0 == " " || $0 == "\t" } }
}
