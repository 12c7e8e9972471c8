import PerfbenchPipeline
import PerfbenchRecording

/// Writes `JSONValue` trees back to compact JSON text, deterministically: object members in
/// their stored order, integers as written, other numbers in Swift's shortest round-trip form
/// (the same on every platform), strings escaped minimally (`\"`, `\\`, `\n`, `\r`, `\t`, and
/// `\u00xx` for other control characters).
///
/// Writes into one byte buffer (``JSONBytes``): building each value, member and element as a
/// `String` and joining them made writing the answers a what-if composes ≈ 5 % of a search
/// (`perf record` of `optimize Recordings/corpus`, 2026-12-04).
enum JSONWriter {
    /// `value` as compact JSON.
    static func write(_ value: JSONValue) -> String {
        var out = JSONBytes(capacity: 512)
        write(value, into: &out)
        return out.string
    }

    /// Appends `value` as compact JSON to `out`.
    static func write(_ value: JSONValue, into out: inout JSONBytes) {
        switch value {
        case .null: out.raw("null")
        case .bool(let flag): out.raw(flag ? "true" : "false")
        case .int(let number): out.integer(Int(number))
        case .uint(let number): out.raw(String(number))
        case .double(let number): out.raw(number.isFinite ? String(number) : "null")
        case .string(let text): out.quoted(text)
        case .array(let elements): array(elements, into: &out)
        case .object(let object):
            out.byte(UInt8(ascii: "{"))
            var first = true
            for member in object.members {
                out.separator(&first)
                out.key(member.key)
                write(member.value, into: &out)
            }
            out.byte(UInt8(ascii: "}"))
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        JSONText.quoted(text)
    }

    /// An object from already-encoded member values, in the order given.
    static func object(_ members: [(String, String)]) -> String {
        var out = JSONBytes(capacity: members.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 })
        out.byte(UInt8(ascii: "{"))
        var first = true
        for (key, value) in members {
            out.separator(&first)
            out.key(key)
            out.raw(value)
        }
        out.byte(UInt8(ascii: "}"))
        return out.string
    }

    /// An array of already-encoded elements.
    static func array(_ elements: [String]) -> String {
        "[" + elements.joined(separator: ",") + "]"
    }

    /// An array of `values`, written into one buffer.
    static func array(values: [JSONValue]) -> String {
        var out = JSONBytes(capacity: 256 * values.count + 2)
        array(values, into: &out)
        return out.string
    }

    /// Appends an array of `values` to `out`.
    static func array(_ values: [JSONValue], into out: inout JSONBytes) {
        out.byte(UInt8(ascii: "["))
        var first = true
        for value in values {
            out.separator(&first)
            write(value, into: &out)
        }
        out.byte(UInt8(ascii: "]"))
    }

    /// `object` written with member `key`'s value replaced by the encoded `value` (added first
    /// when absent).
    static func write(_ object: JSONObject, replacing key: String, with value: String) -> String {
        var out = JSONBytes(capacity: 512)
        out.byte(UInt8(ascii: "{"))
        var first = true
        if !object.members.contains(where: { $0.key == key }) {
            out.separator(&first)
            out.key(key)
            out.raw(value)
        }
        var replaced = false
        for member in object.members {
            if member.key == key {
                guard !replaced else { continue }
                replaced = true
                out.separator(&first)
                out.key(key)
                out.raw(value)
            } else {
                out.separator(&first)
                out.key(member.key)
                write(member.value, into: &out)
            }
        }
        out.byte(UInt8(ascii: "}"))
        return out.string
    }
}
