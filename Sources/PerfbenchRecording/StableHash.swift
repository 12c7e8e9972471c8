/// FNV-1a, 64 bits: a hash that is the same in every process and on every platform.
///
/// `Hashable.hashValue` is seeded per process, so anything that must be reproducible (the seed
/// of a synthesized latency, a deterministic pick from the catalogue) hashes with this instead.
public enum StableHash {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The FNV-1a hash of `text`'s UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 {
        fnv1a(text, continuing: offsetBasis)
    }

    /// Continues the hash `hash` over `text`'s UTF-8 bytes (hash several parts without joining).
    public static func fnv1a(_ text: String, continuing hash: UInt64) -> UInt64 {
        var hash = hash
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* prime
        }
        return hash
    }

    /// The hash of `parts` separated by a byte that never occurs in text (0xFF), so that
    /// `["ab", "c"]` and `["a", "bc"]` differ.
    public static func fnv1a(parts: [String]) -> UInt64 {
        var hash = offsetBasis
        for (index, part) in parts.enumerated() {
            if index > 0 { hash = (hash ^ 0xFF) &* prime }
            hash = fnv1a(part, continuing: hash)
        }
        return hash
    }
}
