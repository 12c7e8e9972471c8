#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LLMRequestInput {
    /// Whether `self` and `other` certainly write the same user message
    /// (``LLMBodyParts/userMessage(_:)``), told without writing either: every string the same
    /// bytes, every number the same bits, and each map's entries met in the same order.
    ///
    /// Stricter than `==` on purpose: `==` calls canonically equivalent strings (`"é"` as one
    /// scalar or as `e` and a combining accent) equal, which are written as different bytes, and
    /// numbers compare by their bits here (so `0.0` and `-0.0`, which this writer happens to
    /// write alike, answer false). Two maps holding the same entries in different orders answer
    /// false too: a caller then writes both, so "false" may be wrong but "true" never is.
    public func writesSameMessage(as other: LLMRequestInput) -> Bool {
        guard Self.sameBytes(prompt, other.prompt), count == other.count,
            Self.sameNumbers(quality, other.quality)
        else { return false }
        switch (tracks, other.tracks) {
        case (nil, nil): break
        case (let mine?, let theirs?):
            guard mine.count == theirs.count else { return false }
            for (a, b) in zip(mine, theirs) {
                guard Self.sameBytes(a.id, b.id), Self.sameBytes(a.name, b.name), Self.sameBytes(a.artist, b.artist),
                    Self.sameNumbers(a.features, b.features)
                else { return false }
            }
        default: return false
        }
        switch (artists, other.artists) {
        case (nil, nil): return true
        case (let mine?, let theirs?):
            guard mine.count == theirs.count else { return false }
            for (a, b) in zip(mine, theirs) {
                guard Self.sameBytes(a.id, b.id), Self.sameBytes(a.name, b.name), a.genres.count == b.genres.count,
                    zip(a.genres, b.genres).allSatisfy({ Self.sameBytes($0, $1) })
                else { return false }
            }
            return true
        default: return false
        }
    }

    /// The same UTF-8 bytes; strings sharing storage (the usual case: both calls hold the same
    /// decoded track) are told by their address.
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        let compared = a.utf8.withContiguousStorageIfAvailable { mine in
            b.utf8.withContiguousStorageIfAvailable { theirs in
                guard let mine = mine.baseAddress, let theirs = theirs.baseAddress else { return count == 0 }
                return mine == theirs || memcmp(mine, theirs, count) == 0
            }
        }
        return (compared ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    /// Both absent, or the same number of entries with equal key bytes and value bits, pair by
    /// pair in iteration order (no lookups: looking a key up would compare by `==`).
    private static func sameNumbers(_ a: [String: Double]?, _ b: [String: Double]?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let mine?, let theirs?):
            guard mine.count == theirs.count else { return false }
            for (x, y) in zip(mine, theirs) {
                guard x.value.bitPattern == y.value.bitPattern, sameBytes(x.key, y.key) else { return false }
            }
            return true
        default: return false
        }
    }
}
