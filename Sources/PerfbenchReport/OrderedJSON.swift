/// A JSON value whose object members keep the order they were written in, so reports come out
/// byte-for-byte the same every time (a `Dictionary` would not, and `JSONSerialization` neither).
public indirect enum OrderedJSON: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A number rounded to `decimals` places and written without trailing zeros; non-finite
    /// numbers are written as `null`.
    case number(Double, decimals: Int)
    /// A string.
    case string(String)
    /// An array.
    case array([OrderedJSON])
    /// An object, its members in this order.
    case object([Member])

    /// One member of an object.
    public struct Member: Sendable, Equatable {
        /// The key.
        public var key: String
        /// The value.
        public var value: OrderedJSON

        /// Makes a member.
        public init(_ key: String, _ value: OrderedJSON) {
            self.key = key
            self.value = value
        }
    }

    /// Seconds with microsecond precision, the unit of every time in the reports.
    public static func seconds(_ value: Double) -> OrderedJSON { .number(value, decimals: 6) }

    /// An object from `key`/`value` pairs, in the given order.
    public static func members(_ pairs: [(String, OrderedJSON)]) -> OrderedJSON {
        .object(pairs.map { Member($0.0, $0.1) })
    }

    /// An object from a dictionary, its keys sorted (byte order) so the output is stable.
    public static func sorted<Value>(_ dictionary: [String: Value], _ transform: (Value) -> OrderedJSON) -> OrderedJSON {
        .object(dictionary.keys.sorted().compactMap { key in dictionary[key].map { Member(key, transform($0)) } })
    }

    /// The JSON text: compact on one line, or pretty with two-space indents and `": "`.
    /// No trailing newline.
    public func rendered(pretty: Bool = false) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: 0)
        return output
    }

    private func write(to output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .number(let value, let decimals):
            output += value.isFinite ? DecimalText.trimmed(value, decimals) : "null"
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                if pretty { Self.newline(&output, indent + 1) }
                item.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&output, indent) }
            output += "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                if pretty { Self.newline(&output, indent + 1) }
                Self.writeString(member.key, to: &output)
                output += pretty ? ": " : ":"
                member.value.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&output, indent) }
            output += "}"
        }
    }

    private static func newline(_ output: inout String, _ indent: Int) {
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// Writes a JSON string: quotes, backslashes and control characters escaped, everything
    /// else (non-ASCII included) as is, so names read by eye.
    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
