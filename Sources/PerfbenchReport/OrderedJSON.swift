import PerfbenchRecording

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
        // Written as bytes: a corpus report is written on the main thread after every worker
        // has finished, and appending to a `String` scalar by scalar was most of that time
        // (`replay Recordings --jobs 2`: ≈ 94 ms of ≈ 0.8 s, ≈ 52 ms as bytes and with each
        // run's timing tree built once).
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, pretty: pretty, indent: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the JSON text of this value as it stands at nesting depth `indent`.
    func write(to output: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: Self.append("null", to: &output)
        case .bool(let value): Self.append(value ? "true" : "false", to: &output)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .number(let value, let decimals):
            if value.isFinite {
                output.append(contentsOf: DecimalText.trimmed(value, decimals).utf8)
            } else {
                Self.append("null", to: &output)
            }
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let items):
            guard !items.isEmpty else {
                Self.append("[]", to: &output)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&output, indent + 1) }
                item.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&output, indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                Self.append("{}", to: &output)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&output, indent + 1) }
                Self.writeString(member.key, to: &output)
                Self.append(pretty ? ": " : ":", to: &output)
                member.value.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&output, indent) }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends the start of an object's member at depth `indent` (the object's own): the comma
    /// after the member before it, the line break and the quoted key, so its value comes next.
    static func writeMemberStart(_ key: String, first: Bool, pretty: Bool, indent: Int, to output: inout [UInt8]) {
        if !first { output.append(UInt8(ascii: ",")) }
        if pretty { newline(&output, indent + 1) }
        writeString(key, to: &output)
        append(pretty ? ": " : ":", to: &output)
    }

    static func append(_ text: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    static func newline(_ output: inout [UInt8], _ indent: Int) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// Writes a JSON string: quotes, backslashes and control characters escaped (`\n`, `\r`,
    /// `\t`, the rest as `\u00xx`), everything else (non-ASCII included) as is, so names read
    /// by eye.
    static func writeString(_ value: String, to output: inout [UInt8]) {
        JSONOutput.appendQuoted(value, to: &output, namesBackspaceAndFormFeed: false)
    }
}
