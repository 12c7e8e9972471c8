/// Decodes one JSON string from UTF-8 bytes; shared by `JSONParser` and `JSONCursor`, the
/// hottest code of the reader.
public enum JSONStringDecoding {
    /// The outcome of decoding a string: the value and the index just past its closing quote,
    /// or a syntax error message and the offending offset.
    enum Result {
        case string(String, next: Int)
        case failure(String, offset: Int)
    }

    /// The string `bytes` spell when they are exactly one JSON string literal, quotes included
    /// and nothing around them (as the parser reads it); nil for anything else.
    public static func literal(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\""),
            case .string(let value, let next) = decode(bytes, quote: 0), next == bytes.count
        else { return nil }
        return value
    }

    /// Decodes the string whose opening quote is at `quote`.
    ///
    /// Strings without escapes become a `String` straight from the input. Strings with escapes
    /// are unescaped in a single pass into a temporary buffer (never longer than the input) and
    /// copied once. `String(decoding:)` repairs invalid UTF-8 to U+FFFD, as browsers do; the
    /// generic `String(validating:as:)` measured 20% slower overall.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, quote: Int) -> Result {
        let start = quote + 1
        let count = bytes.count
        let index = findSpecial(bytes, from: start)
        guard index < count else { return .failure("unterminated string", offset: count) }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
            return .string(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), next: index + 1)
        }
        if byte == UInt8(ascii: "\\") { return decodeEscaped(bytes, start: start, firstEscape: index) }
        return .failure("a control character must be escaped inside a string", offset: index)
    }

    /// The index of the first `"`, `\` or control byte at or after `start`, or `bytes.count`.
    ///
    /// Tests eight bytes at a time (SWAR): a word whose bytes hold none of the three is skipped
    /// whole. Borrows in the zero-byte trick only run upwards, so the lowest flagged byte is
    /// always a true hit; the scalar loop then finds it exactly.
    @inline(__always)
    static func findSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        #if _endian(little)
            if let base = bytes.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101
                let high: UInt64 = 0x8080_8080_8080_8080
                while index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let quote = word ^ (ones &* 0x22)
                    let backslash = word ^ (ones &* 0x5C)
                    let flagged =
                        (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word))
                        & high
                    if flagged != 0 { return index + flagged.trailingZeroBitCount / 8 }
                    index += 8
                }
            }
        #endif
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return index }
            index += 1
        }
        return count
    }

    private static func decodeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, firstEscape: Int) -> Result {
        let count = bytes.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count - start) { output -> Result in
            guard let outputBase = output.baseAddress, let inputBase = bytes.baseAddress else {
                return .failure("unterminated string", offset: count)
            }
            var written = firstEscape - start
            outputBase.update(from: inputBase + start, count: written)
            var index = firstEscape
            while index < count {
                // Copy the plain run up to the next special byte in one go.
                let special = findSpecial(bytes, from: index)
                if special > index {
                    (outputBase + written).update(from: inputBase + index, count: special - index)
                    written += special - index
                    index = special
                }
                guard index < count else { break }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    return .string(String(decoding: UnsafeBufferPointer(start: outputBase, count: written), as: UTF8.self), next: index + 1)
                }
                if byte != UInt8(ascii: "\\") {
                    return .failure("a control character must be escaped inside a string", offset: index)
                }
                guard index + 1 < count else { return .failure("unterminated escape sequence", offset: index) }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): outputBase[written] = escaped
                case UInt8(ascii: "n"): outputBase[written] = 0x0A
                case UInt8(ascii: "t"): outputBase[written] = 0x09
                case UInt8(ascii: "r"): outputBase[written] = 0x0D
                case UInt8(ascii: "b"): outputBase[written] = 0x08
                case UInt8(ascii: "f"): outputBase[written] = 0x0C
                case UInt8(ascii: "u"):
                    guard let (scalar, next) = unicodeEscape(bytes, hexStart: index) else {
                        return .failure("invalid \\u escape", offset: index - 2)
                    }
                    index = next
                    UTF8.encode(scalar) { byte in
                        outputBase[written] = byte
                        written += 1
                    }
                    continue
                default:
                    return .failure("invalid escape '\\\(Character(Unicode.Scalar(escaped)))'", offset: index - 2)
                }
                written += 1
            }
            return .failure("unterminated string", offset: count)
        }
    }

    /// Decodes the four hex digits at `hexStart`, pairing a high surrogate with a following
    /// `\uDC00`-`\uDFFF`; a lone surrogate becomes U+FFFD, as most decoders do.
    private static func unicodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, hexStart: Int) -> (Unicode.Scalar, Int)? {
        guard let high = hex4(bytes, at: hexStart) else { return nil }
        var next = hexStart + 4
        var value = high
        if (0xD800...0xDBFF).contains(high), next + 6 <= bytes.count, bytes[next] == UInt8(ascii: "\\"),
            bytes[next + 1] == UInt8(ascii: "u"), let low = hex4(bytes, at: next + 2), (0xDC00...0xDFFF).contains(low)
        {
            value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            next += 6
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", next)
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for index in start..<(start + 4) {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
