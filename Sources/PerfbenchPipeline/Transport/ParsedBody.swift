import PerfbenchRecording

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

    /// Parses `body` (and, inside a chat-completions envelope, its message content).
    public init(_ body: String) {
        let json = try? JSONValue.parse(body)
        self.json = json
        llmAnswer = LLMWire.content(of: json).flatMap { try? JSONValue.parse($0) }
    }
}

extension HTTPResponse {
    /// The body as JSON: the transport's parse when it has one, else parsed now.
    public var json: JSONValue? {
        if let parsedBody { return parsedBody.json }
        return try? JSONValue.parse(body)
    }
}

extension ToolOutcome {
    /// A success's body as JSON (nil for failures and bodies that are not JSON).
    var json: JSONValue? {
        if case .ok(let response) = self { return response.json }
        return nil
    }
}
