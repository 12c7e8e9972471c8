import PerfbenchRecording
import Synchronization

/// A response body already parsed: what the clients read from it, so a transport that answers
/// the same body many times (a replay index serving every replay of a recording) parses it once.
///
/// Immutable and shared by reference; a transport that has none leaves
/// ``HTTPResponse/parsedBody`` nil and the clients parse the body text themselves.
public final class ParsedBody: Sendable {
    /// The body as JSON, nil when it is not JSON.
    public let json: JSONValue?
    /// For a chat-completions answer, its message content parsed as JSON (the answer object the
    /// LLM client reads); nil for anything else.
    public let llmAnswer: JSONValue?

    /// What the clients decoded from this body, by what they decoded (``decoded(_:_:)``).
    private let memo = Mutex<[String: any Sendable]>([:])

    /// Parses `body` (and, inside a chat-completions envelope, its message content).
    public init(_ body: String) {
        let json = try? JSONValue.parse(body)
        self.json = json
        llmAnswer = LLMWire.content(of: json).flatMap { try? JSONValue.parse($0) }
    }
}

extension ParsedBody {
    /// `make(json)`, worked out once per body and `key`: the tracks or artists a client reads
    /// from a recorded body are the same in every replay that is answered with it. `key` must
    /// name everything `make` depends on besides the body.
    func decoded<Value: Sendable>(_ key: String, _ make: (JSONValue?) -> Value) -> Value {
        // Unwrapped first: a missing entry cast to an optional Value would "hit" as nil.
        if let stored = memo.withLock({ $0[key] }), let hit = stored as? Value { return hit }
        let value = make(json)
        memo.withLock { $0[key] = value }
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
    /// `make` applied to the body as JSON, memoized on the transport's parse when there is one.
    func decoded<Value: Sendable>(_ key: String, _ make: (JSONValue?) -> Value) -> Value {
        if let parsedBody { return parsedBody.decoded(key, make) }
        return make(json)
    }
}

extension ToolOutcome {
    /// A success's body as JSON (nil for failures and bodies that are not JSON).
    var json: JSONValue? {
        if case .ok(let response) = self { return response.json }
        return nil
    }

    /// `make` applied to a success's body as JSON (to nil for a failure), memoized on the
    /// transport's parse (``ParsedBody/decoded(_:_:)``).
    func decoded<Value: Sendable>(_ key: String, _ make: (JSONValue?) -> Value) -> Value {
        if case .ok(let response) = self { return response.decoded(key, make) }
        return make(nil)
    }
}
