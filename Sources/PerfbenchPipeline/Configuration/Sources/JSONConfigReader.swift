/// Reads a JSON config file into `ConfigNode`s, keeping the line of every key.
///
/// Written here rather than using `JSONSerialization` because errors must name the line of the
/// offending key (`perf.json:4: unknown phase "paralel-artists"`), which Foundation's parser does
/// not report, and because duplicate keys must be errors rather than silently last-wins.
struct JSONConfigReader {
    private var scanner: TextScanner
    /// Objects and arrays open around the current value.
    private var depth = 0

    /// The deepest nesting read: a config file needs three levels; a deeper file is refused
    /// before the recursion could exhaust the stack.
    static let maxDepth = 32

    /// Parses `text`, whose top level must be an object.
    static func read(_ text: String) throws(ConfigSyntaxError) -> [ConfigEntry] {
        var reader = JSONConfigReader(scanner: TextScanner(text))
        reader.skipWhitespace()
        guard reader.scanner.peek == "{" else {
            throw reader.error("a config file must be a JSON object: { \"preset\": …, \"phases\": { … } }")
        }
        guard case .table(let entries) = try reader.value() else { return [] }
        reader.skipWhitespace()
        guard reader.scanner.isAtEnd else { throw reader.error("unexpected text after the closing }") }
        return entries
    }

    private mutating func value() throws(ConfigSyntaxError) -> ConfigNode {
        skipWhitespace()
        if scanner.peek == "{" || scanner.peek == "[" {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels; a config file needs three") }
            return scanner.peek == "{" ? try object() : try array()
        }
        switch scanner.peek {
        case "\"": return .string(try string())
        case "t", "f", "n": return try keyword()
        case .some(let scalar) where scalar == "-" || ("0"..."9").contains(scalar): return try number()
        case .some(let scalar): throw error("unexpected character '\(scalar)'")
        case nil: throw error("unexpected end of file")
        }
    }

    private mutating func object() throws(ConfigSyntaxError) -> ConfigNode {
        scanner.next()  // {
        var entries: [ConfigEntry] = []
        skipWhitespace()
        if scanner.consume("}") { return .table(entries) }
        while true {
            skipWhitespace()
            guard scanner.peek == "\"" else { throw error("expected a \"key\" in quotes") }
            let line = scanner.line
            let key = try string()
            if entries.contains(where: { $0.key == key }) { throw error("duplicate key \"\(key)\"") }
            skipWhitespace()
            guard scanner.consume(":") else { throw error("expected ':' after \"\(key)\"") }
            entries.append(ConfigEntry(key: key, line: line, value: try value()))
            skipWhitespace()
            if scanner.consume(",") { continue }
            if scanner.consume("}") { return .table(entries) }
            throw error("expected ',' or '}' after the value of \"\(key)\"")
        }
    }

    private mutating func array() throws(ConfigSyntaxError) -> ConfigNode {
        scanner.next()  // [
        var elements: [ConfigNode] = []
        skipWhitespace()
        if scanner.consume("]") { return .array(elements) }
        while true {
            elements.append(try value())
            skipWhitespace()
            if scanner.consume(",") { continue }
            if scanner.consume("]") { return .array(elements) }
            throw error("expected ',' or ']' in an array")
        }
    }

    private mutating func string() throws(ConfigSyntaxError) -> String {
        scanner.next()  // opening quote
        var result = String.UnicodeScalarView()
        while let scalar = scanner.next() {
            switch scalar {
            case "\"":
                return String(result)
            case "\\":
                result.append(try escape())
            case "\n":
                throw error("a string must end on the line it starts (missing \")")
            default:
                result.append(scalar)
            }
        }
        throw error("unterminated string")
    }

    private mutating func escape() throws(ConfigSyntaxError) -> Unicode.Scalar {
        switch scanner.next() {
        case "\"": return "\""
        case "\\": return "\\"
        case "/": return "/"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            let unit = try scanner.hexValue(digits: 4)
            // A high surrogate must be followed by \u and a low one: together one scalar.
            if (0xD800...0xDBFF).contains(unit) {
                guard scanner.consume("\\"), scanner.consume("u") else { throw error("unpaired \\u surrogate") }
                let low = try scanner.hexValue(digits: 4)
                guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired \\u surrogate") }
                return try scanner.scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            }
            return try scanner.scalar(unit)
        default:
            throw error("unknown escape in a string")
        }
    }

    private mutating func keyword() throws(ConfigSyntaxError) -> ConfigNode {
        let word = scanner.take { ("a"..."z").contains($0) }
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: throw error("unexpected word \"\(word)\" (strings need quotes)")
        }
    }

    private mutating func number() throws(ConfigSyntaxError) -> ConfigNode {
        let text = scanner.take { "0123456789+-.eE".unicodeScalars.contains($0) }
        guard let value = Double(text), value.isFinite else { throw error("bad number \(text)") }
        return .number(text)
    }

    private mutating func skipWhitespace() {
        while let scalar = scanner.peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            scanner.next()
        }
    }

    private func error(_ message: String) -> ConfigSyntaxError {
        ConfigSyntaxError(line: scanner.line, message: message)
    }
}
