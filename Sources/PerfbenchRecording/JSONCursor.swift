#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one JSON object member by member, straight from the line's bytes: no value tree, no
/// key strings, no per-member allocation. The event decoders use it because this is where the
/// reader spends its time (see Benchmarks/RecordingBenchmarks-notes.md).
///
/// Field readers take the field name only for their error messages.
struct JSONCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    let context: LineContext

    init(_ bytes: UnsafeBufferPointer<UInt8>, context: LineContext) {
        self.bytes = bytes
        self.context = context
    }

    /// A syntax error at the cursor, worded like `JSONParser`'s.
    func syntax(_ message: String, at offset: Int? = nil) -> RecordingError {
        context.fail(
            nil, "not valid JSON: \(message) (column \((offset ?? index) + 1))",
            fix: "each line must be one complete JSON object; fix or remove this line")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
            index += 1
        }
    }

    /// Consumes the opening `{`.
    mutating func beginObject() throws {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            throw context.fail(nil, "expected a JSON object", fix: "each line must be one JSON object")
        }
        index += 1
        skipWhitespace()
        first = true
    }

    private var first = true

    /// The next member's key (raw bytes, lent until the next call), or nil at the closing `}`,
    /// after which only whitespace may follow.
    mutating func nextKey() throws -> UnsafeBufferPointer<UInt8>? {
        skipWhitespace()
        guard index < bytes.count else { throw syntax("unexpected end of input inside an object") }
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            skipWhitespace()
            guard index == bytes.count else { throw syntax("unexpected text after the JSON value") }
            return nil
        }
        if !first {
            guard bytes[index] == UInt8(ascii: ",") else { throw syntax("expected ',' or '}' after an object member") }
            index += 1
            skipWhitespace()
        }
        first = false
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw syntax("expected a quoted member name") }
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
            // Keys with escapes never name a known field; decode them for the error message.
            let key = try string("member name")
            throw context.fail(key, "unexpected escaped member name", fix: "write field names as plain ASCII")
        }
        index = end + 1
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw syntax("expected ':' after a member name") }
        index += 1
        skipWhitespace()
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Whether the next value is `null` (consumed if so).
    mutating func takeNull() -> Bool {
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    mutating func string(_ field: StaticString) throws -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw typeError(field, "a string", fix: "quote the value") }
        switch JSONStringDecoding.decode(bytes, quote: index) {
        case .string(let value, let next):
            index = next
            return value
        case .failure(let message, let offset):
            throw syntax(message, at: offset)
        }
    }

    /// A string, or nil for `null`.
    mutating func optionalString(_ field: StaticString) throws -> String? {
        takeNull() ? nil : try string(field)
    }

    /// A whole number (no fraction or exponent).
    mutating func int(_ field: StaticString) throws -> Int {
        let start = index
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value = 0
        let digitsStart = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw context.fail("\(field)", "number too large", fix: "use a smaller value") }
            value = sum
            index += 1
        }
        let isWhole =
            index > digitsStart
            && (index == bytes.count || (bytes[index] != UInt8(ascii: ".") && bytes[index] | 0x20 != UInt8(ascii: "e")))
        guard isWhole else {
            index = start
            throw typeError(field, "a whole number", fix: "write it as an integer without quotes or a fraction")
        }
        return negative ? -value : value
    }

    /// A non-negative whole number of microseconds.
    mutating func micros(_ field: StaticString) throws -> Int {
        let start = index
        let value: Int
        do {
            value = try int(field)
        } catch let error as RecordingError where error.field == "\(field)" {
            index = start
            throw typeError(
                field, "a whole number of microseconds",
                fix: "write times as integer microseconds from the workflow start (1.5 s is 1500000)")
        }
        guard value >= 0 else {
            throw context.fail("\(field)", "is negative (\(value))", fix: "times are microseconds from the workflow start, 0 or more")
        }
        // Bounded so that a start plus a duration, or a sum of them, cannot overflow.
        guard value <= TimeBounds.maxMicros else {
            throw context.fail(
                "\(field)", "is \(value) µs, beyond \(TimeBounds.description)",
                fix: "write times as microseconds from the workflow start, at most \(TimeBounds.maxMicros)")
        }
        return value
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ field: StaticString, as type: E.Type) throws -> E
    where E.RawValue == String {
        let text = try string(field)
        guard let value = E(rawValue: text) else {
            throw context.fail(
                "\(field)", "unknown value \"\(text)\"", fix: NearestName.hint(for: text, in: E.allCases.map(\.rawValue)))
        }
        return value
    }

    /// Headers written as `[["Name","value"], …]`.
    mutating func headers(_ field: StaticString) throws -> [HTTPHeader] {
        if takeNull() { return [] }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
            throw typeError(field, "an array of [name, value] pairs", fix: "write headers as [[\"Name\", \"value\"], …]")
        }
        index += 1
        var headers: [HTTPHeader] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return headers
        }
        headers.reserveCapacity(4)
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { throw pairError(field, headers.count) }
            index += 1
            skipWhitespace()
            let name = try string(field)
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { throw pairError(field, headers.count) }
            index += 1
            skipWhitespace()
            let value = try string(field)
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "]") else { throw pairError(field, headers.count) }
            index += 1
            headers.append(HTTPHeader(name, value))
            skipWhitespace()
            guard index < bytes.count else { throw syntax("unexpected end of input inside an array") }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return headers
            }
            guard bytes[index] == UInt8(ascii: ",") else { throw syntax("expected ',' or ']' in an array") }
            index += 1
        }
    }

    /// Skips a `_`-prefixed extension member's value, or fails naming the unknown field and the
    /// nearest known one.
    mutating func unknown(_ key: UnsafeBufferPointer<UInt8>, in type: String, known: [String]) throws {
        let name = String(decoding: key, as: UTF8.self)
        guard name.hasPrefix("_") else {
            let nearest = NearestName.nearest(to: name, in: known)
            throw context.fail(
                name, "unknown \(type) field",
                fix: nearest.map { "did you mean \"\($0)\"?" }
                    ?? "known fields are \(known.joined(separator: ", ")); prefix private fields with \"_\"")
        }
        do {
            index = try JSONParser.parseValue(bytes, from: index).1
        } catch let error as JSONSyntaxError {
            throw syntax(error.message, at: error.offset)
        }
    }

    /// The error for a value of the wrong type, naming the type found.
    private func typeError(_ field: StaticString, _ expected: String, fix: String) -> RecordingError {
        let found: String
        do {
            found = try JSONParser.parseValue(bytes, from: index).0.typeDescription
        } catch let error as JSONSyntaxError {
            return syntax(error.message, at: error.offset)
        } catch {
            return syntax("\(error)")
        }
        return context.fail("\(field)", "expected \(expected), found \(found)", fix: fix)
    }

    private func pairError(_ field: StaticString, _ position: Int) -> RecordingError {
        context.fail("\(field)[\(position)]", "expected a [name, value] pair of two strings", fix: "write each header as [\"Name\", \"value\"]")
    }
}

/// Compares a key's raw bytes with a field name.
@inline(__always)
func == (key: UnsafeBufferPointer<UInt8>, name: StaticString) -> Bool {
    let count = name.utf8CodeUnitCount
    guard key.count == count, let base = key.baseAddress else { return false }
    return memcmp(base, name.utf8Start, count) == 0
}
