#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A JSON document checked once and laid out as a flat list of entries (a "tape"), read in
/// place through ``JSONNode``: no value tree, no string made until one is read.
///
/// A replay index parses every recorded response body once, but the clients read a few fields
/// of each (a track's id, name, artists and duration). Building a ``JSONValue`` tree for that
/// made a `String` for every key and value and an array for every object, then freed them all
/// when the index went: 18 % of `perfbench replay Recordings` (parse 10.5 %, free 7.2 %). A tape
/// is two allocations per body; the fields the clients read are decoded when read.
///
/// It accepts exactly what ``JSONParser`` accepts (strings, numbers and literals go through the
/// same code, nesting is limited to the same depth), so a body is JSON for one if and only if it
/// is for the other.
public final class JSONTape: Sendable {
    /// What one entry holds.
    enum Kind: UInt8 {
        case null, bool, int, uint, double, string, array, object
    }

    /// One value of the document, in document order (a container before its contents; an
    /// object's contents alternate key, value).
    struct Entry {
        var kind: Kind
        /// For a string: whether it has escapes (then it is decoded, never compared as bytes).
        var escaped = false
        /// For an object's member name: plain ASCII without escapes, so that bytes that differ
        /// from an ASCII name mean a different name.
        var plainName = false
        /// For a string, the offset of its opening quote; for a number, its first byte.
        var start: UInt32
        /// For a string, the offset just past its closing quote; for a container, of its last byte.
        var end: UInt32
        /// The index of the entry after this value and everything inside it.
        var next: UInt32
        /// A number's value (`Int64`, `UInt64` or `Double` bits), or a boolean's (0 or 1).
        var bits: UInt64 = 0
    }

    /// The document: the text it was made from (no copy of a body the index keeps anyway), or
    /// the bytes it was given.
    private enum Storage {
        case text(String)
        case bytes([UInt8])
    }

    private let storage: Storage
    let entries: [Entry]

    /// Lays out `text`; nil when it is not one JSON document (as ``JSONParser`` judges it) or
    /// is 4 GiB or more (offsets are 32-bit; a recording's lines are capped far below that).
    public init?(_ text: String) {
        let laidOut = text.utf8.withContiguousStorageIfAvailable(Self.entries)
            ?? Array(text.utf8).withUnsafeBufferPointer(Self.entries)
        guard let entries = laidOut else { return nil }
        storage = .text(text)
        self.entries = entries
    }

    /// Lays out the document in `bytes`; nil as for ``init(_:)``.
    public init?(bytes: [UInt8]) {
        guard let entries = bytes.withUnsafeBufferPointer(Self.entries) else { return nil }
        storage = .bytes(bytes)
        self.entries = entries
    }

    private static func entries(_ bytes: UnsafeBufferPointer<UInt8>) -> [Entry]? {
        guard bytes.count < Int(UInt32.max) else { return nil }
        return try? JSONTapeBuilder.entries(of: bytes)
    }

    /// `body` applied to the document's bytes.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .bytes(let bytes):
            return bytes.withUnsafeBufferPointer(body)
        case .text(let text):
            // Native strings are contiguous; the copy is for any other.
            return text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
        }
    }

    /// The document's top-level value.
    public var root: JSONNode { JSONNode(tape: self, index: 0) }

    /// The whole document as a ``JSONValue`` tree (the same tree ``JSONParser`` builds, line
    /// numbers included).
    public var tree: JSONValue {
        // The tape accepted these bytes, and the parser accepts the same documents.
        withBytes { (try? JSONParser.parse($0)) ?? .null }
    }
}

/// One value of a ``JSONTape``, read in place: the accessors mirror ``JSONValue``'s and give
/// the same answers for the same document.
public struct JSONNode: Sendable {
    let tape: JSONTape
    let index: Int

    private var entry: JSONTape.Entry { tape.entries[index] }

    /// The member `key` of an object (the first, when repeated), or nil for any other type.
    public subscript(key: String) -> JSONNode? {
        let entries = tape.entries
        guard entries[index].kind == .object else { return nil }
        let end = Int(entries[index].next)
        var member = index + 1
        var key = key
        return key.withUTF8 { wanted in
            let wantedIsASCII = !wanted.contains { $0 >= 0x80 }
            return tape.withBytes { bytes in
                while member < end {
                    if Self.names(entries[member], in: bytes, equal: wanted, wantedIsASCII: wantedIsASCII) {
                        return JSONNode(tape: tape, index: member + 1)
                    }
                    member = Int(entries[member + 1].next)
                }
                return nil
            }
        }
    }

    /// Whether member name `name` spells `wanted`. Plain ASCII names compare as bytes; anything
    /// else is decoded and compared as `String`s, which take canonically equivalent text as
    /// equal (U+212A KELVIN SIGN is "K"), as ``JSONObject``'s lookup does.
    private static func names(
        _ name: JSONTape.Entry, in bytes: UnsafeBufferPointer<UInt8>, equal wanted: UnsafeBufferPointer<UInt8>,
        wantedIsASCII: Bool
    ) -> Bool {
        let start = Int(name.start) + 1
        let count = Int(name.end) - 1 - start
        if !name.escaped, count == wanted.count,
            count == 0 || memcmp(bytes.baseAddress! + start, wanted.baseAddress!, count) == 0
        {
            return true
        }
        if name.plainName && wantedIsASCII { return false }
        guard case .string(let decoded, _) = JSONStringDecoding.decode(bytes, quote: start - 1) else { return false }
        return decoded == String(decoding: wanted, as: UTF8.self)
    }

    /// The elements of an array, or nil for any other type.
    public var arrayValue: [JSONNode]? {
        let entries = tape.entries
        guard entries[index].kind == .array else { return nil }
        let end = Int(entries[index].next)
        var elements: [JSONNode] = []
        var element = index + 1
        while element < end {
            elements.append(JSONNode(tape: tape, index: element))
            element = Int(entries[element].next)
        }
        return elements
    }

    /// The members of an object in document order, repeated names included, or nil for any
    /// other type (as ``JSONObject/members``).
    public var members: [(key: String, value: JSONNode)]? {
        let entries = tape.entries
        guard entries[index].kind == .object else { return nil }
        let end = Int(entries[index].next)
        var members: [(key: String, value: JSONNode)] = []
        var member = index + 1
        while member < end {
            members.append((JSONNode(tape: tape, index: member).stringValue ?? "", JSONNode(tape: tape, index: member + 1)))
            member = Int(entries[member + 1].next)
        }
        return members
    }

    /// The value as written in the document (for messages that quote it).
    public var text: String {
        let entry = entry
        // A container's end is its last byte; a string's and a scalar's, just past it.
        let end = entry.kind == .object || entry.kind == .array ? Int(entry.end) + 1 : Int(entry.end)
        return tape.withBytes { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<end]), as: UTF8.self)
        }
    }

    /// The string, or nil for any other type.
    public var stringValue: String? {
        let entry = entry
        guard entry.kind == .string else { return nil }
        return tape.withBytes { bytes in
            if !entry.escaped {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[(Int(entry.start) + 1)..<(Int(entry.end) - 1)]), as: UTF8.self)
            }
            guard case .string(let decoded, _) = JSONStringDecoding.decode(bytes, quote: Int(entry.start)) else { return nil }
            return decoded
        }
    }

    /// A number or literal as the ``JSONValue`` the parser makes of it (nil for strings and
    /// containers), for the accessors below.
    private var scalar: JSONValue? {
        let entry = entry
        switch entry.kind {
        case .null: return .null
        case .bool: return .bool(entry.bits != 0)
        case .int: return .int(Int64(bitPattern: entry.bits))
        case .uint: return .uint(entry.bits)
        case .double: return .double(Double(bitPattern: entry.bits))
        case .string, .array, .object: return nil
        }
    }

    /// The number as a `Double`, or nil for any other type.
    public var doubleValue: Double? { scalar?.doubleValue }

    /// The number as an `Int64` when it is integral and in range, else nil.
    public var int64Value: Int64? { scalar?.int64Value }

    /// The number as an `Int` when integral, else nil.
    public var intValue: Int? { scalar?.intValue }

    /// The boolean, or nil for any other type.
    public var boolValue: Bool? { scalar?.boolValue }

    /// Whether this is an object.
    public var isObject: Bool { entry.kind == .object }
}

/// Builds a ``JSONTape``'s entries, checking the document as ``JSONParser`` does.
private struct JSONTapeBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    var entries: [JSONTape.Entry] = []

    /// Nesting deeper than the parser's limit is refused, as the parser refuses it.
    static let maxDepth = 512

    struct Refused: Error {}

    static func entries(of bytes: UnsafeBufferPointer<UInt8>) throws -> [JSONTape.Entry] {
        var builder = JSONTapeBuilder(bytes: bytes)
        // Roughly one value per 12 bytes of a compact API body: one growth at most, usually.
        builder.entries.reserveCapacity(bytes.count / 12 + 4)
        builder.skipWhitespace()
        try builder.value()
        builder.skipWhitespace()
        guard builder.index == bytes.count else { throw Refused() }
        return builder.entries
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D, 0x0A: index += 1
            default: return
            }
        }
    }

    mutating func value() throws {
        guard index < bytes.count else { throw Refused() }
        switch bytes[index] {
        case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), kind: .object)
        case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), kind: .array)
        case UInt8(ascii: "\""): try string()
        default: try scalar()
        }
    }

    /// A number or literal, read by the parser itself: same values, same refusals.
    mutating func scalar() throws {
        let start = index
        let (parsed, next) = try JSONParser.parseValue(bytes, from: index)
        index = next
        let position = UInt32(entries.count + 1)
        var entry = JSONTape.Entry(kind: .null, start: UInt32(start), end: UInt32(next), next: position)
        switch parsed {
        case .null: break
        case .bool(let value): entry.kind = .bool; entry.bits = value ? 1 : 0
        case .int(let value): entry.kind = .int; entry.bits = UInt64(bitPattern: value)
        case .uint(let value): entry.kind = .uint; entry.bits = value
        case .double(let value): entry.kind = .double; entry.bits = value.bitPattern
        case .string, .array, .object: throw Refused()  // unreachable: those start with `"`, `[`, `{`
        }
        entries.append(entry)
    }

    /// A string value (`name` false) or member name (`name` true).
    mutating func string(name: Bool = false) throws {
        let quote = index
        var end = quote + 1
        var plainName = false
        if name {
            // Names are short: one byte-wise scan finds the end and says whether it is ASCII.
            var bits: UInt8 = 0
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
                bits |= bytes[end]
                end += 1
            }
            plainName = bits < 0x80
        } else {
            end = JSONStringDecoding.findSpecial(bytes, from: quote + 1)
        }
        var escaped = false
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            index = end + 1
        } else {
            // Escapes (or an error): checked by the decoder the parser uses.
            guard case .string(_, let next) = JSONStringDecoding.decode(bytes, quote: quote) else { throw Refused() }
            index = next
            escaped = true
            plainName = false
        }
        let position = UInt32(entries.count + 1)
        entries.append(
            JSONTape.Entry(
                kind: .string, escaped: escaped, plainName: plainName, start: UInt32(quote), end: UInt32(index), next: position))
    }

    mutating func container(close: UInt8, kind: JSONTape.Kind) throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw Refused() }
        defer { depth -= 1 }
        let position = entries.count
        entries.append(JSONTape.Entry(kind: kind, start: UInt32(index), end: 0, next: 0))
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == close {
            index += 1
        } else {
            while true {
                if kind == .object {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Refused() }
                    try string(name: true)
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Refused() }
                    index += 1
                    skipWhitespace()
                }
                try value()
                skipWhitespace()
                guard index < bytes.count else { throw Refused() }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                } else if bytes[index] == close {
                    index += 1
                    break
                } else {
                    throw Refused()
                }
            }
        }
        entries[position].end = UInt32(index - 1)
        entries[position].next = UInt32(entries.count)
    }
}
