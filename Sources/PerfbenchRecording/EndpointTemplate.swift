/// Turns a URL into its endpoint template: the path with ids replaced by `{id}` and the query
/// dropped, so `/v1/artists/0OdUWJ0sBjDrqHygGUXeCF/top-tracks?market=US` groups as
/// `/v1/artists/{id}/top-tracks`.
///
/// Ids are Spotify base62 ids (22 letters and digits, with a digit or an upper-case letter),
/// UUIDs (ReccoBeats), all-digit segments, and whatever follows `/users/` (Spotify user ids are
/// free-form).
public enum EndpointTemplate {
    /// The template of `url`'s path (`/` when the path is empty).
    public static func template(for url: String) -> String {
        let path = URLParts(url).path
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        var previous: Substring = ""
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            output.append(isIdentifier(segment, after: previous) ? "{id}" : segment)
            previous = segment
        }
        return output.joined(separator: "/")
    }

    /// Whether a path segment is an id rather than a fixed word.
    static func isIdentifier(_ segment: Substring, after previous: Substring) -> Bool {
        guard !segment.isEmpty else { return false }
        if previous == "users" { return true }
        let bytes = Array(segment.utf8)
        if bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        if isUUID(bytes) { return true }
        if bytes.count == 22, bytes.allSatisfy(isAlphanumeric),
            bytes.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) })
        {
            return true
        }
        return false
    }

    private static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let lower = byte | 0x20
                guard (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x66) else { return false }
            }
        }
        return true
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
