/// Minimal JSON writing for request bodies: fast, deterministic, no Foundation.
enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
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
