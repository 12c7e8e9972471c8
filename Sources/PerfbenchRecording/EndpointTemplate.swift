/// Turns a URL into its endpoint template: the path with ids replaced by `{id}` and the query
/// dropped, so `/v1/artists/0OdUWJ0sBjDrqHygGUXeCF/top-tracks?market=US` groups as
/// `/v1/artists/{id}/top-tracks`.
///
/// Ids are Spotify base62 ids (22 letters and digits, with a digit or an upper-case letter),
/// UUIDs (ReccoBeats), all-digit segments, and whatever follows `/users/` (Spotify user ids are
/// free-form).
public enum EndpointTemplate {
    /// The template of `url`'s path (`/` when the path is empty).
    ///
    /// One pass over the bytes, without splitting the URL into parts or the path into
    /// substrings: the replay's latency book templates every recorded URL, and the split form
    /// was ≈ 5 % of the CPU of a corpus diff.
    public static func template(for url: String) -> String {
        var url = url
        return url.withUTF8(template(utf8:))
    }

    /// ``template(for:)`` of a URL's UTF-8 bytes.
    static func template(utf8 url: UnsafeBufferPointer<UInt8>) -> String {
        // The path ends at the query or the fragment, whichever comes first (as URLParts).
        var end = 0
        while end < url.count, url[end] != UInt8(ascii: "?"), url[end] != UInt8(ascii: "#") { end += 1 }
        var start = 0
        if let scheme = firstSchemeSeparator(url, end: end) {
            start = scheme + 3
            while start < end, url[start] != UInt8(ascii: "/") { start += 1 }
        }
        guard start < end else { return "/" }
        var output: [UInt8] = []
        output.reserveCapacity(end - start + 8)
        var previous = start..<start
        var segmentStart = start
        // Each segment, the empty ones included (a path's leading `/` starts with one).
        while segmentStart <= end {
            var segmentEnd = segmentStart
            while segmentEnd < end, url[segmentEnd] != UInt8(ascii: "/") { segmentEnd += 1 }
            let segment = UnsafeBufferPointer(rebasing: url[segmentStart..<segmentEnd])
            if segmentStart > start { output.append(UInt8(ascii: "/")) }
            if isIdentifier(segment, afterUsers: isUsers(UnsafeBufferPointer(rebasing: url[previous]))) {
                output.append(contentsOf: "{id}".utf8)
            } else {
                output.append(contentsOf: segment)
            }
            previous = segmentStart..<segmentEnd
            segmentStart = segmentEnd + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Where the first `://` before `end` starts.
    private static func firstSchemeSeparator(_ url: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
        var index = 0
        while index + 2 < end {
            if url[index] == UInt8(ascii: ":"), url[index + 1] == UInt8(ascii: "/"), url[index + 2] == UInt8(ascii: "/") {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func isUsers(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        segment.elementsEqual("users".utf8)
    }

    /// Whether a path segment's bytes are an id rather than a fixed word.
    static func isIdentifier(_ bytes: UnsafeBufferPointer<UInt8>, afterUsers: Bool) -> Bool {
        guard !bytes.isEmpty else { return false }
        if afterUsers { return true }
        if bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        if isUUID(bytes) { return true }
        if bytes.count == 22, bytes.allSatisfy(isAlphanumeric),
            bytes.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) })
        {
            return true
        }
        return false
    }

    private static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
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
