import PerfbenchRecording

/// Writes `JSONValue` trees back to compact JSON text, deterministically: object members in
/// their stored order, integers as written, other numbers in Swift's shortest round-trip form
/// (the same on every platform), strings escaped minimally.
enum JSONWriter {
    /// `value` as compact JSON.
    static func write(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    /// Appends `value` as compact JSON to `out`.
    static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .uint(let number): out += String(number)
        case .double(let number):
            out += number.isFinite ? String(number) : "null"
        case .string(let text): quote(text, into: &out)
        case .array(let elements):
            out += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { out += "," }
                write(element, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (position, member) in object.members.enumerated() {
                if position > 0 { out += "," }
                quote(member.key, into: &out)
                out += ":"
                write(member.value, into: &out)
            }
            out += "}"
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    /// Appends `text` as a JSON string literal to `out`.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
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
        out += "\""
    }

    /// An object from already-encoded member values, in the order given.
    static func object(_ members: [(String, String)]) -> String {
        var out = "{"
        for (position, member) in members.enumerated() {
            if position > 0 { out += "," }
            quote(member.0, into: &out)
            out += ":" + member.1
        }
        return out + "}"
    }

    /// An array of already-encoded elements.
    static func array(_ elements: [String]) -> String {
        "[" + elements.joined(separator: ",") + "]"
    }

    /// `object` written with member `key`'s value replaced by the encoded `value` (added first
    /// when absent).
    static func write(_ object: JSONObject, replacing key: String, with value: String) -> String {
        var members: [(String, String)] = []
        var replaced = false
        for member in object.members {
            if member.key == key {
                guard !replaced else { continue }
                members.append((key, value))
                replaced = true
            } else {
                members.append((member.key, write(member.value)))
            }
        }
        if !replaced { members.insert((key, value), at: 0) }
        return Self.object(members)
    }
}
