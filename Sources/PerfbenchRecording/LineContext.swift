/// Where a JSON record came from (file and line), with typed field readers whose errors name
/// that place, the field and the fix.
struct LineContext {
    let path: String
    let line: Int

    func fail(_ field: String?, _ problem: String, fix: String) -> RecordingError {
        .badData(path, line: line, field: field, problem, fix: fix)
    }

    func require<T>(_ value: T?, _ field: String, in type: String, fix: String) throws -> T {
        guard let value else { throw fail(field, "required field missing from the \(type) line", fix: fix) }
        return value
    }

    func string(_ member: JSONMember) throws -> String {
        guard case .string(let value) = member.value else {
            throw fail(member.key, "expected a string, found \(member.value.typeDescription)", fix: "quote the value")
        }
        return value
    }

    /// A string, or nil for JSON `null`.
    func optionalString(_ member: JSONMember) throws -> String? {
        if case .null = member.value { return nil }
        return try string(member)
    }

    func int(_ member: JSONMember) throws -> Int {
        guard case .int(let value) = member.value, let result = Int(exactly: value) else {
            throw fail(
                member.key, "expected a whole number, found \(member.value.typeDescription)",
                fix: "write it as an integer without quotes or a fraction")
        }
        return result
    }

    /// A non-negative whole number of microseconds.
    func micros(_ member: JSONMember) throws -> Int {
        guard case .int(let value) = member.value, let result = Int(exactly: value) else {
            throw fail(
                member.key, "expected a whole number of microseconds, found \(member.value.typeDescription)",
                fix: "write times as integer microseconds from the workflow start (1.5 s is 1500000)")
        }
        guard result >= 0 else {
            throw fail(member.key, "is negative (\(result))", fix: "times are microseconds from the workflow start, 0 or more")
        }
        return result
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ member: JSONMember, as type: E.Type) throws -> E
    where E.RawValue == String {
        let text = try string(member)
        guard let value = E(rawValue: text) else {
            let names = E.allCases.map(\.rawValue)
            throw fail(member.key, "unknown value \"\(text)\"", fix: NearestName.hint(for: text, in: names))
        }
        return value
    }

    /// Headers written as `[[name, value], …]`.
    func headers(_ member: JSONMember) throws -> [HTTPHeader] {
        if case .null = member.value { return [] }
        guard case .array(let pairs) = member.value else {
            throw fail(
                member.key, "expected an array of [name, value] pairs, found \(member.value.typeDescription)",
                fix: "write headers as [[\"Name\", \"value\"], …]")
        }
        var headers: [HTTPHeader] = []
        headers.reserveCapacity(pairs.count)
        for (index, pair) in pairs.enumerated() {
            guard case .array(let items) = pair, items.count == 2, case .string(let name) = items[0],
                case .string(let value) = items[1]
            else {
                throw fail(
                    "\(member.key)[\(index)]", "expected a [name, value] pair of two strings",
                    fix: "write each header as [\"Name\", \"value\"]")
            }
            headers.append(HTTPHeader(name, value))
        }
        return headers
    }

    /// Fails on a member no version of the format knows; `_`-prefixed members are extensions
    /// and ignored.
    func unknown(_ member: JSONMember, in type: String, known: [String]) throws {
        guard !member.key.hasPrefix("_") else { return }
        throw fail(
            member.key, "unknown field in a \(type) line",
            fix: NearestName.hint(for: member.key, in: known) + (NearestName.nearest(to: member.key, in: known) == nil
                ? " (prefix private fields with \"_\")" : ""))
    }
}
