/// What `perfbench presets` prints: every preset with its seed sections, description and the
/// toggles it moves away from baseline, as aligned text or as JSON (`perfbench.presets/1`).
public enum PresetListing {
    /// The JSON schema name.
    public static let schema = "perfbench.presets/1"

    /// A row per preset (name, base, sections), each followed by its description and the
    /// toggles it moves away from baseline, indented.
    public static func text() throws(ConfigurationError) -> String {
        let rows = [["NAME", "BASED ON", "SECTIONS"]]
            + Preset.all.map { [$0.name, $0.basedOn ?? "-", compact($0.seedSections)] }
        let table = TextColumns.render(rows)
        var lines = [table[0]]
        for (row, preset) in zip(table.dropFirst(), Preset.all) {
            lines.append(row)
            let words = preset.summary.split(separator: " ").map(String.init)
            lines += TextColumns.wrap(words, separator: "", width: 96, indent: "    ")
            let changed = try preset.changedSettings().map(\.description)
            if changed.isEmpty {
                lines.append("    sets nothing: every toggle at baseline")
            } else {
                let wrapped = TextColumns.wrap(changed, separator: ", ", width: 90, indent: "")
                lines += wrapped.enumerated().map { ($0.offset == 0 ? "    sets: " : "          ") + $0.element }
            }
        }
        lines += [
            "",
            "Presets are overlays: later ones win, and baseline resets every toggle. Combine them with",
            "toggles: --preset guide-immediate --phase top-tracks-batch=10, or the SPEC",
            "guide-immediate,top-tracks-batch=10.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"schema": "perfbench.presets/1", "presets": [...]}` with sorted keys, pretty-printed.
    public static func json() throws -> String {
        var entries: [Entry] = []
        for preset in Preset.all {
            let changed = try preset.changedSettings()
            entries.append(
                Entry(
                    name: preset.name, description: preset.summary, sections: preset.seedSections,
                    basedOn: preset.basedOn,
                    phases: Dictionary(uniqueKeysWithValues: changed.map { ($0.id.rawValue, $0.value) })))
        }
        return try ListingJSON.encode(Document(schema: schema, presets: entries))
    }

    /// `guide 1.1, guide 1.2` → `guide 1.1, 1.2`: the document named once per run.
    static func compact(_ sections: [String]) -> String {
        guard !sections.isEmpty else { return "-" }
        var previousDocument: String?
        return sections.map { section in
            let parts = section.split(separator: " ", maxSplits: 1).map(String.init)
            let numbered = parts.count == 2 && parts[1].first?.isNumber == true
            defer { previousDocument = numbered ? parts[0] : nil }
            return numbered && parts[0] == previousDocument ? parts[1] : section
        }.joined(separator: ", ")
    }

    private struct Document: Encodable {
        let schema: String
        let presets: [Entry]
    }

    /// One preset; `based_on` encodes as `null` when absent so every entry has every key.
    private struct Entry: Encodable {
        let name: String
        let description: String
        let sections: [String]
        let basedOn: String?
        let phases: [String: String]

        enum Key: String, CodingKey {
            case name, description, sections, phases
            case basedOn = "based_on"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(name, forKey: .name)
            try container.encode(description, forKey: .description)
            try container.encode(sections, forKey: .sections)
            try container.encode(basedOn, forKey: .basedOn)
            try container.encode(phases, forKey: .phases)
        }
    }
}
