/// Appends compact JSON to a byte buffer: the writing half of the native format and of the
/// inspect report. Keys are written in the order the caller gives, so callers choose a fixed
/// (sorted or documented) order and the output is deterministic.
public struct JSONOutput {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    /// An empty buffer.
    public init() {}

    /// Writes raw ASCII (punctuation, literals, pre-quoted keys).
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes `"key":` for a key known to need no escaping.
    public mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes `,"key":`.
    public mutating func nextKey(_ name: StaticString) {
        bytes.append(UInt8(ascii: ","))
        key(name)
    }

    /// Writes `{"key":value,…}` with `map`'s keys in ascending order, each value written by
    /// `write` (a dictionary's own order differs per process).
    public mutating func object<Value>(sortedKeys map: [String: Value], _ write: (inout JSONOutput, Value) -> Void) {
        raw("{")
        for (index, entry) in map.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { raw(",") }
            string(entry.key)
            raw(":")
            write(&self, entry.value)
        }
        raw("}")
    }

    /// Writes `value` as a JSON string. Non-ASCII stays raw UTF-8 so the file reads by eye;
    /// only quotes, backslashes and control characters are escaped.
    public mutating func string(_ value: String) {
        Self.appendQuoted(value, to: &bytes)
    }

    /// Appends `value` to `bytes` as a JSON string: quotes, backslashes and control characters
    /// escaped (`\n`, `\r`, `\t`, with `namesBackspaceAndFormFeed` also `\b` and `\f`, the rest
    /// as `\u00xx`), everything else (non-ASCII included) as is; runs that need no escape are
    /// copied whole. The reports write `\b` and `\f` as `\u0008` and `\u000c`, as they always have.
    public static func appendQuoted(_ value: String, to bytes: inout [UInt8], namesBackspaceAndFormFeed: Bool = true) {
        bytes.append(UInt8(ascii: "\""))
        var copy = value
        copy.withUTF8 { utf8 in
            var runStart = 0
            while runStart < utf8.count {
                // The bytes needing escapes are exactly the ones the decoder's scan stops at.
                let index = JSONStringDecoding.findSpecial(utf8, from: runStart)
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                guard index < utf8.count else { break }
                let byte = utf8[index]
                runStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08 where namesBackspaceAndFormFeed: bytes.append(UInt8(ascii: "b"))
                case 0x0C where namesBackspaceAndFormFeed: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes an integer.
    public mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            uint(value.magnitude)
        } else {
            uint(UInt(value))
        }
    }

    /// Writes an unsigned integer, digits filled in place (no temporary allocation).
    public mutating func uint<T: UnsignedInteger & FixedWidthInteger>(_ value: T) {
        var remaining = UInt64(value)
        var digitCount = 1
        var probe = remaining
        while probe >= 10 {
            probe /= 10
            digitCount += 1
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digitCount))
        var index = start + digitCount - 1
        while remaining > 0 {
            bytes[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            index -= 1
        }
    }

    /// Writes a number rounded to `decimals` places, without trailing zeros (`3.5`, `12`).
    public mutating func number(_ value: Double, decimals: Int = 6) {
        guard value.isFinite else {
            raw("null")
            return
        }
        bytes.append(contentsOf: Self.format(value, decimals: decimals).utf8)
    }

    /// Writes a boolean.
    public mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// `value` rounded to `decimals` places and printed in plain decimal notation, without
    /// trailing zeros, the same on every platform.
    public static func format(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9.0e18 else { return String(value) }
        let units = Int64(scaled)
        let negative = units < 0
        let magnitude = units.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = magnitude % UInt64(scale)
        var text = (negative ? "-" : "") + String(whole)
        if fraction > 0 {
            var digits = decimals
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }
}
