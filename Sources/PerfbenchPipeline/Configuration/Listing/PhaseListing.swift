import Foundation

/// What `perfbench phases` prints: every toggle with its seed section, baseline, doc and shipped
/// values and the values it accepts, as aligned text or as JSON (`perfbench.phases/1`).
public enum PhaseListing {
    /// The JSON schema name.
    public static let schema = "perfbench.phases/1"

    /// A row per toggle under a header, sorted by id, each followed by its summary indented;
    /// `-` where a value does not exist.
    public static func text() -> String {
        let rows = [["ID", "SECTION", "BASELINE", "DOC", "SHIPPED", "VALUES"]]
            + Phase.all.map { phase in
                [
                    phase.id.rawValue, phase.seedSection, phase.baseline, phase.doc ?? "-", phase.shipped ?? "-",
                    phase.syntax,
                ]
            }
        let table = TextColumns.render(rows)
        var lines = [table[0]]
        for (row, phase) in zip(table.dropFirst(), Phase.all) {
            lines.append(row)
            lines.append("    " + phase.summary)
        }
        lines += [
            "",
            "\(Phase.all.count) toggles. --phase ID alone means ID=on: the doc value (shipped for shipped-only ones).",
            "Named values: baseline, doc, shipped, on, and off (= baseline). Shipped history and the",
            "environment variables each toggle reads: perfbench phases --format json.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"schema": "perfbench.phases/1", "phases": [...]}` with sorted keys, pretty-printed.
    public static func json() throws -> String {
        try ListingJSON.encode(Document(schema: schema, phases: Phase.all.map(Entry.init)))
    }

    private struct Document: Encodable {
        let schema: String
        let phases: [Entry]
    }

    /// One toggle; optional values encode as `null` so every entry has every key.
    private struct Entry: Encodable {
        let phase: Phase

        enum Key: String, CodingKey {
            case id, section, summary, kind, syntax, baseline, doc, shipped
            case shippedNote = "shipped_note"
            case environment
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(phase.id.rawValue, forKey: .id)
            try container.encode(phase.seedSection, forKey: .section)
            try container.encode(phase.summary, forKey: .summary)
            try container.encode(phase.kind, forKey: .kind)
            try container.encode(phase.syntax, forKey: .syntax)
            try container.encode(phase.baseline, forKey: .baseline)
            try container.encode(phase.doc, forKey: .doc)
            try container.encode(phase.shipped, forKey: .shipped)
            try container.encode(phase.shippedNote, forKey: .shippedNote)
            try container.encode(phase.environmentNames, forKey: .environment)
        }
    }
}

/// The JSON encoder settings every listing shares: sorted keys, so output is byte-stable.
enum ListingJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
