/// A config file's content after syntax, before meaning: what the TOML and JSON readers both
/// produce, so one interpreter (`ConfigurationFile`) checks keys and values for either format.
indirect enum ConfigNode: Equatable, Sendable {
    /// A string.
    case string(String)
    /// A number, as written (`0.70`, `10`), so phase parsing sees exactly what the user typed.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// JSON `null`.
    case null
    /// An array.
    case array([ConfigNode])
    /// A table (TOML) or object (JSON), entries in file order.
    case table([ConfigEntry])

    /// What the node is, for "must be a string, not a table" messages.
    var typeName: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// One `key = value` of a config file, with the line the key is on.
struct ConfigEntry: Equatable, Sendable {
    let key: String
    let line: Int
    let value: ConfigNode
}

/// A syntax error at a line of a config file.
struct ConfigSyntaxError: Error, Equatable {
    let line: Int
    let message: String
}

/// A cursor over a file's Unicode scalars that counts lines, shared by both readers.
struct TextScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// The 1-based line of the next scalar.
    private(set) var line = 1

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// Whether every scalar has been read.
    var isAtEnd: Bool { index >= scalars.count }

    /// The next scalar, without consuming it.
    var peek: Unicode.Scalar? { isAtEnd ? nil : scalars[index] }

    /// The scalar after the next one, without consuming anything.
    var peekSecond: Unicode.Scalar? { index + 1 < scalars.count ? scalars[index + 1] : nil }

    /// Consumes and returns the next scalar, counting newlines.
    @discardableResult
    mutating func next() -> Unicode.Scalar? {
        guard let scalar = peek else { return nil }
        index += 1
        if scalar == "\n" { line += 1 }
        return scalar
    }

    /// Consumes `scalar` if it is next.
    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        next()
        return true
    }

    /// Consumes spaces and tabs (not newlines).
    mutating func skipBlanks() {
        while let scalar = peek, scalar == " " || scalar == "\t" { next() }
    }

    /// Consumes scalars while `predicate` holds and returns them as a string.
    mutating func take(while predicate: (Unicode.Scalar) -> Bool) -> String {
        var result = String.UnicodeScalarView()
        while let scalar = peek, predicate(scalar) { result.append(scalar); next() }
        return String(result)
    }

    /// Reads `digits` hex digits (an escape's `XXXX`) as a number.
    mutating func hexValue(digits: Int) throws(ConfigSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = next(), let digit = Int(String(scalar), radix: 16) else {
                throw ConfigSyntaxError(line: line, message: "bad \\u escape: expected \(digits) hex digits")
            }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    /// Turns an escape's number into a scalar, rejecting surrogates and out-of-range values.
    func scalar(_ value: UInt32) throws(ConfigSyntaxError) -> Unicode.Scalar {
        guard let scalar = Unicode.Scalar(value) else {
            let code = String(value, radix: 16, uppercase: true)
            throw ConfigSyntaxError(line: line, message: "bad \\u escape: U+\(code) is not a character")
        }
        return scalar
    }
}
