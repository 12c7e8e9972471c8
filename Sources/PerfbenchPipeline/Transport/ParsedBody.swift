import PerfbenchRecording
import Synchronization

/// A response body already parsed: what the clients read from it, so a transport that answers
/// the same body many times (a replay index serving every replay of a recording) parses it once.
///
/// Immutable and shared by reference; a transport that has none leaves
/// ``HTTPResponse/parsedBody`` nil and the clients parse the body text themselves.
public final class ParsedBody: Sendable {
    /// The body laid out for reading in place (``JSONTape``), nil when it is not JSON: what
    /// the clients decode tracks and artists from.
    public let tape: JSONTape?
    private let tree = Mutex<JSONValue??>(nil)
    private let answer = Mutex<JSONValue??>(nil)

    /// What the clients decoded from this body, by what they decoded (``decoded(_:_:)``).
    private let memo = Mutex(Memo())

    /// Nearly every body is decoded one way only: that first decoding sits in its own slot,
    /// compared by key without hashing it; any other goes in the map.
    private struct Memo {
        var firstKey: String?
        var first: (any Sendable)?
        var others: [String: any Sendable] = [:]

        func value(for key: String) -> (any Sendable)? {
            if let firstKey, firstKey == key { return first }
            return others.isEmpty ? nil : others[key]
        }

        mutating func store(_ value: any Sendable, for key: String) {
            if firstKey == nil || firstKey == key {
                firstKey = key
                first = value
            } else {
                others[key] = value
            }
        }
    }

    /// Checks `body` and lays it out; the trees below are built only when first read.
    public init(_ body: String) {
        tape = JSONTape(body)
    }

    /// The body as a JSON tree, nil when it is not JSON; built on first use and kept (the
    /// pipeline reads the tape instead: the clients, the LLM answer and size models; the
    /// catalogue reads `unkeptJSON`).
    public var json: JSONValue? {
        tree.once { tape?.tree }
    }

    /// For a chat-completions answer, its message content parsed as JSON (the answer object the
    /// LLM client reads); nil for anything else. Worked out on first use and kept.
    public var llmAnswer: JSONValue? {
        answer.once { LLMWire.content(of: tape?.root).flatMap { try? JSONValue.parse($0) } }
    }
}

extension ParsedBody {
    /// `make(root)`, worked out once per body and `key`: the tracks or artists a client reads
    /// from a recorded body are the same in every replay that is answered with it. `key` must
    /// name everything `make` depends on besides the body.
    func decoded<Value: Sendable>(_ key: String, _ make: (JSONNode?) -> Value) -> Value {
        // Unwrapped first: a missing entry cast to an optional Value would "hit" as nil.
        if let stored = memo.withLock({ $0.value(for: key) }), let hit = stored as? Value { return hit }
        let value = make(tape?.root)
        memo.withLock { $0.store(value, for: key) }
        return value
    }
}

extension HTTPResponse {
    /// The body as JSON: the transport's parse when it has one, else parsed now.
    public var json: JSONValue? {
        if let parsedBody { return parsedBody.json }
        return try? JSONValue.parse(body)
    }
}

extension HTTPResponse {
    /// The body as JSON, parsed now and not kept: for a reader that keeps a few of its values
    /// and drops the rest (the what-if catalogue), so that the whole tree does not stay beside
    /// the body's tape for as long as the index lives.
    public var unkeptJSON: JSONValue? {
        if let parsedBody { return parsedBody.tape?.tree }
        return try? JSONValue.parse(body)
    }

    /// The body laid out for reading in place: the transport's when it has one, else now.
    var jsonNode: JSONNode? {
        if let parsedBody { return parsedBody.tape?.root }
        return JSONTape(body)?.root
    }

    /// `make` applied to the body read in place, memoized on the transport's parse when there
    /// is one.
    func decoded<Value: Sendable>(_ key: String, _ make: (JSONNode?) -> Value) -> Value {
        if let parsedBody { return parsedBody.decoded(key, make) }
        return make(jsonNode)
    }
}

extension ToolOutcome {
    /// A success's body read in place (nil for failures and bodies that are not JSON).
    var jsonNode: JSONNode? {
        if case .ok(let response) = self { return response.jsonNode }
        return nil
    }

    /// `make` applied to a success's body as JSON (to nil for a failure), memoized on the
    /// transport's parse (``ParsedBody/decoded(_:_:)``).
    func decoded<Value: Sendable>(_ key: String, _ make: (JSONNode?) -> Value) -> Value {
        if case .ok(let response) = self { return response.decoded(key, make) }
        return make(nil)
    }
}
