/// Lays out rows of cells in aligned columns for terminal listings.
///
/// Widths are counted in characters; the catalogue's columns are ASCII, so that is their
/// on-screen width. The last column is not padded, so long text there does not push lines wider
/// than needed.
enum TextColumns {
    /// The rows joined into lines, each column as wide as its widest cell plus two spaces.
    static func render(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                let isLast = index == row.count - 1
                line += isLast ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            return line
        }
    }

    /// Words joined with `separator` and wrapped to `width`, continuation lines indented.
    static func wrap(_ words: [String], separator: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for (index, word) in words.enumerated() {
            let piece = word + (index < words.count - 1 ? separator.trimmingTrailingSpaces : "")
            if current.isEmpty {
                current = indent + piece
            } else if current.count + 1 + piece.count > width {
                lines.append(current)
                current = indent + piece
            } else {
                current += " " + piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    /// The string without trailing spaces (`", "` → `","`).
    fileprivate var trimmingTrailingSpaces: String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
