/// Minimal JSON writing for request bodies: fast, deterministic, no Foundation.
public enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        // Most strings need no escaping: copy them whole (the hot path of LLM request bodies).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 8)
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
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

    /// An object from already-encoded members, in the order given.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// An array from already-encoded elements.
    static func array(_ elements: [String]) -> String {
        "[" + elements.joined(separator: ",") + "]"
    }
}
