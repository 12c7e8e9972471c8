import PerfbenchRuntime

/// What a catalogue id names.
public enum EntityKind: UInt64, Sendable, Hashable, CaseIterable {
    case artist = 1
    case album = 2
    case track = 3
}

/// Spotify ids (22 base62 characters of a 128-bit value) and ReccoBeats UUIDs (version-4 layout)
/// that encode their own entity and index.
///
/// Each id holds `mix(kind·2⁴⁸ + index ⊕ key)` and a keyed check word. Decoding inverts the mix and
/// verifies the check, so a lookup by id costs a few hundred nanoseconds and needs no dictionary
/// (which keeps building a catalogue well under 5 ms), while ids still look random and differ
/// between world seeds. A well-formed id of another seed fails the check and reads as unknown.
struct IDCodec: Sendable, Hashable {
    private let spotifyKey: UInt64
    private let spotifyCheckKey: UInt64
    private let uuidKey: UInt64
    private let uuidCheckKey: UInt64

    init(seed: UInt64) {
        var rng = SplitMix64(seed: seed ^ 0x1D5_C0DE)
        spotifyKey = rng.next()
        spotifyCheckKey = rng.next()
        uuidKey = rng.next()
        uuidCheckKey = rng.next()
    }

    // MARK: Spotify ids

    private static let base62 = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    private static let base62Value: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, byte) in base62.enumerated() { table[Int(byte)] = Int8(value) }
        return table
    }()

    func spotifyID(_ kind: EntityKind, _ index: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(22)
        appendSpotifyID(kind, index, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the 22 base62 digits of the id to `bytes` (responses write ids without a String).
    func appendSpotifyID(_ kind: EntityKind, _ index: Int, to bytes: inout [UInt8]) {
        let high = Mix64.mix(Self.plain(kind, index) ^ spotifyKey)
        let low = Mix64.mix(high ^ spotifyCheckKey)
        // Divide the 128-bit value (four 32-bit limbs) by 62⁵ five times: each remainder holds five
        // digits, which keeps the wide divisions to 20 instead of 88.
        var limbs = (high >> 32, high & 0xFFFF_FFFF, low >> 32, low & 0xFFFF_FFFF)
        var chunks: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        for round in 0..<5 {
            var current = limbs.0
            limbs.0 = current / Self.chunkDivisor
            var remainder = current % Self.chunkDivisor
            current = (remainder << 32) | limbs.1
            limbs.1 = current / Self.chunkDivisor
            remainder = current % Self.chunkDivisor
            current = (remainder << 32) | limbs.2
            limbs.2 = current / Self.chunkDivisor
            remainder = current % Self.chunkDivisor
            current = (remainder << 32) | limbs.3
            limbs.3 = current / Self.chunkDivisor
            remainder = current % Self.chunkDivisor
            switch round {
            case 0: chunks.0 = remainder
            case 1: chunks.1 = remainder
            case 2: chunks.2 = remainder
            case 3: chunks.3 = remainder
            default: chunks.4 = remainder
            }
        }
        // 2¹²⁸ < 62²², so the top chunk has two significant digits.
        appendDigits(chunks.4, count: 2, to: &bytes)
        appendDigits(chunks.3, count: 5, to: &bytes)
        appendDigits(chunks.2, count: 5, to: &bytes)
        appendDigits(chunks.1, count: 5, to: &bytes)
        appendDigits(chunks.0, count: 5, to: &bytes)
    }

    private static let chunkDivisor: UInt64 = 62 * 62 * 62 * 62 * 62

    private func appendDigits(_ chunk: UInt64, count: Int, to bytes: inout [UInt8]) {
        var divisor: UInt64 = 1
        for _ in 1..<count { divisor *= 62 }
        var rest = chunk
        for _ in 0..<count {
            bytes.append(Self.base62[Int(rest / divisor)])
            rest %= divisor
            divisor /= 62
        }
    }

    func decodeSpotifyID(_ text: Substring) -> (kind: EntityKind, index: Int)? {
        let utf8 = text.utf8
        guard utf8.count == 22 else { return nil }
        var limbs: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for byte in utf8 {
            let digit = Self.base62Value[Int(byte)]
            guard digit >= 0 else { return nil }
            var value = limbs.3 &* 62 + UInt64(digit)
            limbs.3 = value & 0xFFFF_FFFF
            value = limbs.2 &* 62 + (value >> 32)
            limbs.2 = value & 0xFFFF_FFFF
            value = limbs.1 &* 62 + (value >> 32)
            limbs.1 = value & 0xFFFF_FFFF
            value = limbs.0 &* 62 + (value >> 32)
            limbs.0 = value & 0xFFFF_FFFF
            guard value >> 32 == 0 else { return nil }
        }
        let high = limbs.0 << 32 | limbs.1
        let low = limbs.2 << 32 | limbs.3
        guard Mix64.mix(high ^ spotifyCheckKey) == low else { return nil }
        return Self.split(Mix64.unmix(high) ^ spotifyKey)
    }

    func decodeSpotifyID(_ text: String) -> (kind: EntityKind, index: Int)? {
        decodeSpotifyID(Substring(text))
    }

    // MARK: ReccoBeats UUIDs

    private static let hex = Array("0123456789abcdef".utf8)

    /// Layout of the 32 hex digits: 0–11 the mix's bits 63…16; 12 the version `4`; 13–15 bits
    /// 15…4; 16 the variant `10` plus bits 3…2; 17 bits 1…0 and two check bits; 18–31 56 more
    /// check bits.
    func uuid(_ kind: EntityKind, _ index: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        appendUUID(kind, index, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the 36 characters of the UUID to `bytes`.
    func appendUUID(_ kind: EntityKind, _ index: Int, to bytes: inout [UInt8]) {
        let mixed = Mix64.mix(Self.plain(kind, index) ^ uuidKey)
        let check = Mix64.mix(mixed ^ uuidCheckKey)
        for position in 0..<32 {
            let digit: UInt64
            switch position {
            case 0..<12: digit = (mixed >> (60 - 4 * UInt64(position))) & 0xF
            case 12: digit = 4
            case 13..<16: digit = (mixed >> (4 + 4 * UInt64(15 - position))) & 0xF
            case 16: digit = 8 | ((mixed >> 2) & 3)
            case 17: digit = ((mixed & 3) << 2) | (check >> 62)
            default: digit = (check >> (6 + 4 * UInt64(31 - position))) & 0xF
            }
            if position == 8 || position == 12 || position == 16 || position == 20 {
                bytes.append(UInt8(ascii: "-"))
            }
            bytes.append(Self.hex[Int(digit)])
        }
    }

    func decodeUUID(_ text: Substring) -> (kind: EntityKind, index: Int)? {
        let utf8 = text.utf8
        guard utf8.count == 36 else { return nil }
        var digits = [UInt64]()
        digits.reserveCapacity(32)
        for (offset, byte) in utf8.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(UInt64(byte - UInt8(ascii: "0")))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digits.append(UInt64(byte - UInt8(ascii: "a") + 10))
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digits.append(UInt64(byte - UInt8(ascii: "A") + 10))
            default: return nil
            }
        }
        guard digits[12] == 4, digits[16] & 0xC == 8 else { return nil }
        var mixed: UInt64 = 0
        for position in 0..<12 { mixed = mixed << 4 | digits[position] }
        for position in 13..<16 { mixed = mixed << 4 | digits[position] }
        mixed = mixed << 2 | (digits[16] & 3)
        mixed = mixed << 2 | (digits[17] >> 2)
        var checkBits = digits[17] & 3
        for position in 18..<32 { checkBits = checkBits << 4 | digits[position] }
        guard Mix64.mix(mixed ^ uuidCheckKey) >> 6 == checkBits else { return nil }
        return Self.split(Mix64.unmix(mixed) ^ uuidKey)
    }

    func decodeUUID(_ text: String) -> (kind: EntityKind, index: Int)? {
        decodeUUID(Substring(text))
    }

    // MARK: Shared

    private static func plain(_ kind: EntityKind, _ index: Int) -> UInt64 {
        kind.rawValue << 48 | UInt64(index)
    }

    private static func split(_ plain: UInt64) -> (kind: EntityKind, index: Int)? {
        guard let kind = EntityKind(rawValue: plain >> 48) else { return nil }
        return (kind, Int(plain & 0xFFFF_FFFF_FFFF))
    }
}
