/// A parsed JSON value: the small tree that the header, HAR import and the secret scanner read
/// from (and that the pipeline uses for response bodies).
///
/// Objects keep their members in file order with the line each member starts on, so that errors
/// and secret findings can name a line even inside a pretty-printed HAR file.
public enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer that fits in `Int64`.
    case int(Int64)
    /// A positive integer too large for `Int64` (seeds are `UInt64`).
    case uint(UInt64)
    /// Any number written with a fraction or an exponent, or too large for an integer.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object(JSONObject)

    /// The JSON type name used in error messages ("a string", "an object", …).
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .uint, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The string, or nil for any other type.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The object, or nil for any other type.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The array, or nil for any other type.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, or nil for any other type.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .uint(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The number as an `Int64` when it is integral and in range, else nil.
    public var int64Value: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value):
            guard value.rounded() == value, abs(value) < 9.0e18 else { return nil }
            return Int64(value)
        default: return nil
        }
    }
}

/// One `"key": value` pair of an object, with the line the key is on.
public struct JSONMember: Equatable, Sendable {
    /// The member name.
    public var key: String
    /// The member value.
    public var value: JSONValue
    /// The 1-based line the key is on.
    public var line: Int
}

/// A JSON object: members in file order, looked up linearly (objects here hold a dozen keys, for
/// which a linear scan beats hashing).
public struct JSONObject: Equatable, Sendable {
    /// The members in file order (a repeated key appears twice; lookups take the first).
    public var members: [JSONMember]
    /// The line of the opening brace.
    public var line: Int

    /// The value of the first member named `key`, or nil.
    public subscript(key: String) -> JSONValue? {
        // By index: `for member in members` copies (retains) every member it passes.
        for index in members.indices where members[index].key == key { return members[index].value }
        return nil
    }

    /// The member named `key` (value and line), or nil.
    public func member(_ key: String) -> JSONMember? {
        for member in members where member.key == key { return member }
        return nil
    }
}

extension JSONValue {
    /// The member `key` of an object, or nil for any other type.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The number as an `Int` when integral, else nil.
    public var intValue: Int? {
        int64Value.map { Int($0) }
    }

    /// The boolean, or nil for any other type.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// Parses one JSON document.
    public static func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }
}
