import PerfbenchRecording

/// Splits the part of a structlog console line after the level into its event text and its
/// `key=value` pairs.
///
/// The console renderer writes `event [logger] k=v k='quoted v' k={'a': 1}`; lines rendered by the
/// local formatter have no `[logger]`. The event is free text and may itself hold `=` (as in
/// `Overall score=0.66, Cohesion=0.49`), so the pairs are taken to start at the first word from
/// which *every* remaining token is a well-formed pair; with a logger, they start right after it.
enum MoodlistKeyValues {
    static func split(_ text: String) -> (event: String, fields: [String: String]) {
        let scalars = Array(text.unicodeScalars)
        if let (loggerStart, loggerEnd) = findLogger(scalars) {
            let event = String(String.UnicodeScalarView(scalars[0..<loggerStart])).trimmingSpaces()
            return (event, pairs(scalars, from: loggerEnd) ?? [:])
        }
        var index = 0
        while index < scalars.count {
            let atWordStart = index == 0 || scalars[index - 1] == " "
            if atWordStart, scalars[index] != " ", let fields = pairs(scalars, from: index), !fields.isEmpty {
                let event = String(String.UnicodeScalarView(scalars[0..<index])).trimmingSpaces()
                if !event.isEmpty { return (event, fields) }
            }
            index += 1
        }
        return (text.trimmingSpaces(), [:])
    }

    /// A JSON value as the text a console line would show for it.
    static func text(of value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let string): return string
        case .array(let items): return "[" + items.map { text(of: $0) }.joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.members.map { "\($0.key): \(text(of: $0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// ` [app.something.module]` followed by the end or a space: the logger name's bracket.
    private static func findLogger(_ scalars: [Unicode.Scalar]) -> (Int, Int)? {
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == " ", scalars[index + 1] == "[" {
                var end = index + 2
                while end < scalars.count, isLoggerScalar(scalars[end]) { end += 1 }
                if end < scalars.count, scalars[end] == "]", end > index + 2,
                    end + 1 == scalars.count || scalars[end + 1] == " ",
                    scalars[(index + 2)..<end].contains(".") || scalars[(index + 2)..<end].allSatisfy(isNameScalar)
                {
                    return (index, end + 1)
                }
            }
            index += 1
        }
        return nil
    }

    /// Parses `k=v k=v …` from `start` to the end; nil unless every token is a pair.
    private static func pairs(_ scalars: [Unicode.Scalar], from start: Int) -> [String: String]? {
        var fields: [String: String] = [:]
        var index = start
        while true {
            while index < scalars.count, scalars[index] == " " { index += 1 }
            if index >= scalars.count { return fields }
            let keyStart = index
            while index < scalars.count, isNameScalar(scalars[index]) { index += 1 }
            guard index > keyStart, index < scalars.count, scalars[index] == "=" else { return nil }
            let key = String(String.UnicodeScalarView(scalars[keyStart..<index]))
            index += 1
            let valueStart = index
            var value: String
            if index < scalars.count, scalars[index] == "'" || scalars[index] == "\"" {
                let quote = scalars[index]
                index += 1
                while index < scalars.count, scalars[index] != quote {
                    if scalars[index] == "\\" { index += 1 }
                    index += 1
                }
                guard index < scalars.count else { return nil }
                value = String(String.UnicodeScalarView(scalars[(valueStart + 1)..<index]))
                index += 1
            } else {
                // Bracketed values ({…} or […]) may contain spaces; track nesting to find the end.
                var depth = 0
                while index < scalars.count, depth > 0 || scalars[index] != " " {
                    switch scalars[index] {
                    case "{", "[", "(": depth += 1
                    case "}", "]", ")": depth = max(0, depth - 1)
                    default: break
                    }
                    index += 1
                }
                value = String(String.UnicodeScalarView(scalars[valueStart..<index]))
            }
            fields[key] = value
        }
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isLoggerScalar(_ scalar: Unicode.Scalar) -> Bool { isNameScalar(scalar) || scalar == "." }
}
