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

    /// A TOML basic string: JSON's string escapes are TOML's too.
    private static func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
