/// ANSI styling for text reports, applied only when colour was asked for: the caller decides
/// (a TTY and no `NO_COLOR`), so the library never probes the terminal itself.
struct TextStyle: Sendable {
    /// Whether to emit escape codes at all.
    var colour: Bool

    /// Bold, for headers.
    func bold(_ text: String) -> String { paint(text, "1") }
    /// Dim, for tree glyphs and secondary figures.
    func dim(_ text: String) -> String { paint(text, "2") }
    /// Bold yellow, for the largest-stage marks.
    func mark(_ text: String) -> String { paint(text, "1;33") }
    /// Red, for regressions.
    func worse(_ text: String) -> String { paint(text, "31") }
    /// Green, for improvements.
    func better(_ text: String) -> String { paint(text, "32") }

    /// A delta coloured by direction: slower (positive) red, faster green, zero plain.
    func delta(_ text: String, _ value: Double) -> String {
        value > 0 ? worse(text) : value < 0 ? better(text) : text
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
