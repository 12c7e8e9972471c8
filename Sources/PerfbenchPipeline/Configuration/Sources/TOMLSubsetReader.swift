import Foundation

/// Reads the flat TOML subset perfbench config files use into `ConfigNode`s, with line numbers.
///
/// Why not LebJe/TOMLKit (the one TOML package in the offline set): it compiles toml++ (C++); a
/// clean debug build of a one-file probe package using it took 38 s on this 2-core machine, for a
/// format whose config files are a handful of `key = value` lines. This reader also reports every
/// error with its line and rejects, by name, what it does not support, instead of accepting a
/// file it would misread.
///
/// Supported: `# comments`, `key = value` with bare (`A-Za-z0-9_-`) or quoted keys, `[table]`
/// headers, basic strings `"…"` with the standard escapes, literal strings `'…'`, integers and
/// floats (with `_` separators), `true`/`false`, and arrays of those (may span lines).
/// Not supported (an error names them): multi-line strings, dotted keys, inline tables,
/// arrays of tables, dates and times, `inf`/`nan`.
struct TOMLSubsetReader {
    private var scanner: TextScanner
    /// Arrays open around the current value.
    private var depth = 0

    /// The deepest array nesting read: config values are flat lists; a deeper file is refused
    /// before the recursion could exhaust the stack.
    static let maxDepth = 32

    /// Parses `text` into top-level entries; each `[table]` becomes an entry holding a `.table`.
    static func read(_ text: String) throws(ConfigSyntaxError) -> [ConfigEntry] {
        var reader = TOMLSubsetReader(scanner: TextScanner(text))
        var root: [ConfigEntry] = []
        // The open [table]: its header entry, and the entries read under it so far.
        var table: (key: String, line: Int, entries: [ConfigEntry])?
        func closeTable() {
            guard let open = table else { return }
            root.append(ConfigEntry(key: open.key, line: open.line, value: .table(open.entries)))
        }
        while true {
            reader.skipBlankLinesAndComments()
            guard let scalar = reader.scanner.peek else { break }
            let line = reader.scanner.line
            if scalar == "[" {
                let name = try reader.tableHeader()
                if root.contains(where: { $0.key == name }) || table?.key == name {
                    throw ConfigSyntaxError(line: line, message: "duplicate table or key \"\(name)\"")
                }
                closeTable()
                table = (name, line, [])
                continue
            }
            let entry = try reader.keyValue()
            let siblings = table?.entries ?? root
            if siblings.contains(where: { $0.key == entry.key }) {
                throw ConfigSyntaxError(line: line, message: "duplicate key \"\(entry.key)\"")
            }
            if table != nil { table?.entries.append(entry) } else { root.append(entry) }
        }
        closeTable()
        return root
    }

    private mutating func tableHeader() throws(ConfigSyntaxError) -> String {
        scanner.next()  // [
        if scanner.peek == "[" { throw error("arrays of tables ([[…]]) are not supported") }
        scanner.skipBlanks()
        let name = try key()
        scanner.skipBlanks()
        guard scanner.consume("]") else { throw error("expected ']' to close the table header [\(name)") }
        try endOfLine()
        return name
    }

    private mutating func keyValue() throws(ConfigSyntaxError) -> ConfigEntry {
        let line = scanner.line
        let name = try key()
        scanner.skipBlanks()
        if scanner.peek == "." {
            throw error("dotted keys are not supported: put \(name).… under a [\(name)] table")
        }
        guard scanner.consume("=") else { throw error("expected '=' after \(name)") }
        scanner.skipBlanks()
        let node = try value()
        try endOfLine()
        return ConfigEntry(key: name, line: line, value: node)
    }

    private mutating func key() throws(ConfigSyntaxError) -> String {
        switch scanner.peek {
        case "\"": return try basicString()
        case "'": return try literalString()
        default:
            let name = scanner.take(while: Self.isBareKeyCharacter)
            guard !name.isEmpty else { throw error("expected a key (letters, digits, '-' or '_')") }
            return name
        }
    }

    private mutating func value() throws(ConfigSyntaxError) -> ConfigNode {
        switch scanner.peek {
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[": return try array()
        case "{": throw error("inline tables ({ … }) are not supported: use a [table]")
        case nil, "\n", "#": throw error("expected a value after '='")
        default: return try bareValue()
        }
    }

    private mutating func array() throws(ConfigSyntaxError) -> ConfigNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw error("arrays nested deeper than \(Self.maxDepth) levels; config values are flat lists") }
        scanner.next()  // [
        var elements: [ConfigNode] = []
        while true {
            skipBlankLinesAndComments()
            if scanner.consume("]") { return .array(elements) }
            elements.append(try value())
            skipBlankLinesAndComments()
            if scanner.consume(",") { continue }
            guard scanner.consume("]") else { throw error("expected ',' or ']' in an array") }
            return .array(elements)
        }
    }

    private mutating func basicString() throws(ConfigSyntaxError) -> String {
        scanner.next()  // "
        if scanner.peek == "\"", scanner.peekSecond == "\"" {
            throw error("multi-line strings (\"\"\") are not supported")
        }
        var result = String.UnicodeScalarView()
        while let scalar = scanner.next() {
            switch scalar {
            case "\"": return String(result)
            case "\n": throw error("a string must end on the line it starts (missing \")")
            case "\\":
                switch scanner.next() {
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "u": result.append(try scanner.scalar(try scanner.hexValue(digits: 4)))
                case "U": result.append(try scanner.scalar(try scanner.hexValue(digits: 8)))
                default: throw error("unknown escape in a string")
                }
            default: result.append(scalar)
            }
        }
        throw error("unterminated string")
    }

    private mutating func literalString() throws(ConfigSyntaxError) -> String {
        scanner.next()  // '
        if scanner.peek == "'", scanner.peekSecond == "'" { throw error("multi-line strings (''') are not supported") }
        let text = scanner.take { $0 != "'" && $0 != "\n" }
        guard scanner.consume("'") else { throw error("a string must end on the line it starts (missing ')") }
        return text
    }

    /// `true`, `false`, an integer or a float; anything else bare is an error.
    private mutating func bareValue() throws(ConfigSyntaxError) -> ConfigNode {
        let token = scanner.take { !" \t\r\n,]#".unicodeScalars.contains($0) }
        switch token {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        // Underscores may only separate digits (1_000), as TOML says.
        let digitsOnly = token.replacingOccurrences(of: "_", with: "")
        let wellPlaced = !token.contains("__") && !token.hasPrefix("_") && !token.hasSuffix("_")
        if wellPlaced, digitsOnly.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }),
            let number = Double(digitsOnly), number.isFinite
        {
            return .number(digitsOnly.hasPrefix("+") ? String(digitsOnly.dropFirst()) : digitsOnly)
        }
        if token.contains(":") || (token.contains("T") && token.contains("-")) {
            throw error("dates and times are not supported")
        }
        throw error("unexpected value \(token): strings need quotes, e.g. \"\(token)\"")
    }

    /// After a value: blanks, an optional comment, then a newline or the end of the file.
    private mutating func endOfLine() throws(ConfigSyntaxError) {
        scanner.skipBlanks()
        if scanner.peek == "#" { _ = scanner.take { $0 != "\n" } }
        _ = scanner.consume("\r")
        guard scanner.isAtEnd || scanner.consume("\n") else {
            throw error("unexpected text after the value (one key = value per line)")
        }
    }

    private mutating func skipBlankLinesAndComments() {
        while let scalar = scanner.peek {
            switch scalar {
            case " ", "\t", "\r", "\n": scanner.next()
            case "#": _ = scanner.take { $0 != "\n" }
            default: return
            }
        }
    }

    /// A-Z, a-z, 0-9, `-` and `_`: the characters of a bare TOML key.
    private static func isBareKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "-" || ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar)
            || ("A"..."Z").contains(scalar)
    }

    private func error(_ message: String) -> ConfigSyntaxError {
        ConfigSyntaxError(line: scanner.line, message: message)
    }
}
