extension ConfigurationFile {
    /// `configuration` as a config file that `--config` reads back to the same toggles: its
    /// name, and under `[phases]` every toggle whose value differs from baseline, in id order
    /// (values as quoted canonical text). `comment` lines open the file.
    public static func toml(for configuration: PipelineConfiguration, name: String, comment: [String] = []) -> String {
        var lines = comment.map { "# " + $0 }
        lines.append("schema = " + quoted(schema))
        lines.append("name = " + quoted(name))
        lines.append("")
        lines.append("[phases]")
        for phase in Phase.all {
            let value = phase.value(in: configuration)
            if value != phase.baseline { lines.append(phase.id.rawValue + " = " + quoted(value)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
