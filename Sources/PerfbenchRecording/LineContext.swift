/// Where a JSON record came from (file and line), with typed readers of parsed members (the
/// header line) whose errors name that place, the field and the fix. Event lines use
/// `JSONCursor`, which has the same readers over raw bytes.
public struct LineContext {
    public let path: String
    public let line: Int

    /// The place `line` (1-based) of the file at `path`.
    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public func fail(_ field: String?, _ problem: String, fix: String) -> RecordingError {
        .badData(path, line: line, field: field, problem, fix: fix)
    }

    public func require<T>(_ value: T?, _ field: String, in type: String, fix: String) throws -> T {
        guard let value else { throw fail(field, "required field missing from the \(type) line", fix: fix) }
        return value
    }

    public func string(_ member: JSONMember) throws -> String {
        guard case .string(let value) = member.value else {
            throw fail(member.key, "expected a string, found \(member.value.typeDescription)", fix: "quote the value")
        }
        return value
    }

    /// A string, or nil for JSON `null`.
    public func optionalString(_ member: JSONMember) throws -> String? {
        if case .null = member.value { return nil }
        return try string(member)
    }

    public func int(_ member: JSONMember) throws -> Int {
        guard case .int(let value) = member.value, let result = Int(exactly: value) else {
            throw fail(
                member.key, "expected a whole number, found \(member.value.typeDescription)",
                fix: "write it as an integer without quotes or a fraction")
        }
        return result
    }

    /// Fails on a member no version of the format knows; `_`-prefixed members are extensions
    /// and ignored.
    public func unknown(_ member: JSONMember, in type: String, known: [String]) throws {
        guard !member.key.hasPrefix("_") else { return }
        throw fail(
            member.key, "unknown \(type) field",
            fix: NearestName.hint(for: member.key, in: known) + (NearestName.nearest(to: member.key, in: known) == nil
                ? " (prefix private fields with \"_\")" : ""))
    }
}
