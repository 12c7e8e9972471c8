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

    /// Continues the hash `hash` over the decimal digits of `value` (a leading `-` when
    /// negative): the same as hashing `String(value)`, without making the string.
    public static func fnv1a(decimal value: Int, continuing hash: UInt64) -> UInt64 {
        var hash = hash
        if value < 0 { hash = (hash ^ UInt64(UInt8(ascii: "-"))) &* prime }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            hash = (hash ^ UInt64(UInt8(ascii: "0") + UInt8(magnitude / divisor))) &* prime
            magnitude %= divisor
            divisor /= 10
        }
        return hash
    }

    /// Continues the hash `hash` with the separator ``fnv1a(parts:)`` puts between parts.
    public static func separator(continuing hash: UInt64) -> UInt64 {
        (hash ^ 0xFF) &* prime
    }

    /// The hash of `parts` separated by a byte that never occurs in text (0xFF), so that
    /// `["ab", "c"]` and `["a", "bc"]` differ.
    public static func fnv1a(parts: [String]) -> UInt64 {
        var hash = offsetBasis
        for (index, part) in parts.enumerated() {
            if index > 0 { hash = separator(continuing: hash) }
            hash = fnv1a(part, continuing: hash)
        }
        return hash
    }
}
