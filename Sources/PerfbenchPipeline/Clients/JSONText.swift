/// Minimal JSON writing for request bodies: fast, deterministic, no Foundation.
public enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        // Most strings need no escaping: copy them whole (the hot path of LLM request bodies).
        if !text.utf8.contains(where: JSONEscape.isNeeded) {
            return "\"" + text + "\""
        }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 { JSONEscape.write(byte) { bytes.append($0) } }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A number with up to four decimals, no exponent (identical on every platform).
    static func number(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        if scaled == scaled.rounded(), abs(scaled) < 1e15 {
            let integer = Int64(scaled)
            let whole = integer / 10_000
            var fraction = abs(integer % 10_000)
            if fraction == 0 { return integer < 0 && whole == 0 ? "0" : String(whole) }
            var digits = 4
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let text = String(fraction)
            let sign = integer < 0 && whole == 0 ? "-" : ""
            return sign + String(whole) + "." + String(repeating: "0", count: digits - text.count) + text
        }
        return "0"
    }

    /// What a JSON parser reads back from ``number(_:)``'s text: `value` rounded to four
    /// decimals (0 where the text is `0` for want of a better one). The nearest double to the
    /// written decimal, as `Double(text)` gives it: the scaled integer and 10,000 are exact
    /// doubles, so their quotient is the correctly rounded decimal.
    public static func readBack(_ value: Double) -> Double {
        let scaled = (value * 10_000).rounded()
        guard scaled == scaled.rounded(), abs(scaled) < 1e15 else { return 0 }
        return Double(Int64(scaled)) / 10_000
    }

    /// An object from already-encoded members, in the order given.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// An array from already-encoded elements.
    static func array(_ elements: [String]) -> String {
        "[" + elements.joined(separator: ",") + "]"
    }
}

/// A JSON text written into one byte buffer: what ``JSONText`` builds from strings, without the
/// intermediate strings (LLM request bodies are built once per call, on the replay's hot path).
/// Writes exactly the bytes ``JSONText/quoted(_:)``, `object` and `array` would. Public for the
/// replay's answer writer, which writes recorded JSON values back the same way.
public struct JSONBytes: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// Bytes already written elsewhere, as they are.
    public mutating func append(_ written: [UInt8]) {
        bytes.append(contentsOf: written)
    }

    /// Bytes written as they are (punctuation, numbers, encoded members).
    @inline(__always)
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    @inline(__always)
    public mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// `text` as a JSON string literal, quotes included (``JSONText/quoted(_:)``).
    public mutating func quoted(_ text: String) {
        quoted(utf8: text.utf8)
    }

    /// UTF-8 bytes as a JSON string literal, quotes included, escaped as ``JSONText/quoted(_:)`` does.
    public mutating func quoted<Bytes: Sequence>(utf8: Bytes) where Bytes.Element == UInt8 {
        bytes.append(UInt8(ascii: "\""))
        let copied: Void? = utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if copied == nil {
            for byte in utf8 { appendEscaped(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `source` escaped: the runs that need no escape copied whole, not byte by byte. An LLM
    /// request's user message is JSON quoted into JSON, a quote every few bytes, and escaping
    /// it byte by byte was ≈ 5 % of a what-if draw (`perf record` on `replay … --draws 200`).
    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for position in 0..<source.count where Self.needsEscape(source[position]) {
            if runStart < position {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<position]))
            }
            appendEscaped(source[position])
            runStart = position + 1
        }
        if runStart < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...])) }
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        JSONEscape.isNeeded(byte)
    }

    /// One byte, escaped when it must be.
    @inline(__always)
    private mutating func appendEscaped(_ byte: UInt8) {
        JSONEscape.write(byte) { bytes.append($0) }
    }

    /// ``JSONText/number(_:)``'s text, written without intermediate strings.
    mutating func number(_ value: Double) {
        let scaled = (value * 10_000).rounded()
        guard scaled == scaled.rounded(), abs(scaled) < 1e15 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let integer = Int64(scaled)
        let whole = integer / 10_000
        var fraction = abs(integer % 10_000)
        if fraction == 0 {
            if integer < 0 && whole == 0 { bytes.append(UInt8(ascii: "0")) } else { decimal(whole) }
            return
        }
        var digits = 4
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        if integer < 0 && whole == 0 { bytes.append(UInt8(ascii: "-")) }
        decimal(whole)
        bytes.append(UInt8(ascii: "."))
        // The fraction's digits, left-padded with zeros to `digits` places.
        let start = bytes.count
        for _ in 0..<digits {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
            fraction /= 10
        }
        reverseTail(from: start)
    }

    /// `String(value)`'s digits.
    public mutating func integer(_ value: Int) {
        decimal(Int64(value))
    }

    /// A member key with its colon: `"key":`.
    @inline(__always)
    public mutating func key(_ name: String) {
        quoted(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A comma before every element but the first.
    @inline(__always)
    public mutating func separator(_ first: inout Bool) {
        if first { first = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    /// An object of numbers with keys in sorted order (``JSONText/number(_:)`` values).
    mutating func sortedNumbers(_ values: [String: Double]) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        // Sorting the pairs (keys are unique) gives the order of `keys.sorted()` without a
        // lookup per key.
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            separator(&first)
            key(name)
            number(value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// `String(value)`'s digits.
    private mutating func decimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        reverseTail(from: start)
    }

    /// Reverses `bytes[start...]` in place. Reversing through the slice (`bytes[start...]
    /// .reverse()`) copied the whole buffer on every number: the slice holds a second reference
    /// to it (one allocation per number written, ≈ 9 % of a what-if's mallocs).
    private mutating func reverseTail(from start: Int) {
        var low = start
        var high = bytes.count - 1
        while low < high {
            bytes.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    /// The text written so far.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// How a JSON string literal writes one byte: as itself, or as an escape (`\"`, `\\`, `\n`,
/// `\r`, `\t`, `\u00xx`). The one table ``JSONText`` and ``JSONBytes`` escape with.
enum JSONEscape {
    @inline(__always)
    static func isNeeded(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// How many bytes ``write(_:_:)`` hands on for `byte`.
    @inline(__always)
    static func width(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): return 2
        case 0..<0x20: return 6
        default: return 1
        }
    }

    /// Hands `write` the bytes a string literal writes for `byte`.
    @inline(__always)
    static func write(_ byte: UInt8, _ write: (UInt8) -> Void) {
        switch byte {
        case UInt8(ascii: "\""): write(UInt8(ascii: "\\")); write(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): write(UInt8(ascii: "\\")); write(UInt8(ascii: "\\"))
        case UInt8(ascii: "\n"): write(UInt8(ascii: "\\")); write(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): write(UInt8(ascii: "\\")); write(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): write(UInt8(ascii: "\\")); write(UInt8(ascii: "t"))
        case 0..<0x20:
            write(UInt8(ascii: "\\"))
            write(UInt8(ascii: "u"))
            write(UInt8(ascii: "0"))
            write(UInt8(ascii: "0"))
            write(hexDigit(byte >> 4))
            write(hexDigit(byte & 0xF))
        default: write(byte)
        }
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
