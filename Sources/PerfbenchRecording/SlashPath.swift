/// Slash-separated paths (stage paths, URL paths) cut by their bytes: `Character`-wise cutting
/// walks grapheme clusters, and stage paths are cut for every run's timing tree.
///
/// Both functions give what the `Character`-wise forms give (`split(separator: "/")`,
/// `lastIndex(of: "/")`) for every string: non-ASCII text, which may fuse a "/" with a
/// combining mark into one `Character` that those forms do not cut at, is left to them.
public enum SlashPath {
    /// The last non-empty component (`a/b/` → `b`), nil when there is none
    /// (`split(separator: "/").last`).
    public static func lastComponent(_ text: String) -> String? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: "/").last.map(String.init) }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") {
            end = utf8.index(before: end)
        }
        guard end > utf8.startIndex else { return nil }
        let head = utf8[..<end]
        let start = head.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        return String(text[start..<end])
    }

    /// Everything before the last `/` (`a/b/c` → `a/b`), `""` without one.
    public static func parent(of path: String) -> String {
        let utf8 = path.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            guard let slash = path.lastIndex(of: "/") else { return "" }
            return String(path[..<slash])
        }
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }
}
