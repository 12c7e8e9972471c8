import PerfbenchRecording

/// One upstream request as the pipeline issues it: which service, what path and query, and which
/// tool and stage asked (the recording keeps both).
public struct HTTPRequest: Sendable, Hashable {
    /// One query parameter, in the order the client wrote it.
    public struct QueryItem: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields but the stage, in one ``CopyOnWriteBox``: a request is handed down through
    /// the tool caller, the session's transport and the replay's, and a copy of seven references
    /// inline was 9 % of a what-if draw's retains (`perf record -e
    /// probe_libswiftCore:swift_retain`). The stage stays inline: the tool caller names it on
    /// every request, and that must not copy the box.
    private struct Fields: Sendable, Hashable {
        var service: Service
        var method: String
        var path: String
        var query: [QueryItem]
        var headers: [HTTPHeader]
        var body: String?
        var llmCall: LLMCall?
        var tool: String
    }

    private var fields: CopyOnWriteBox<Fields>

    public var service: Service {
        get { fields.value.service }
        set { fields.value.service = newValue }
    }
    public var method: String {
        get { fields.value.method }
        set { fields.value.method = newValue }
    }
    /// The path from the host on, e.g. `/v1/artists/0OdUWJ0sBjDrqHygGUXeCF/top-tracks`.
    public var path: String {
        get { fields.value.path }
        set { fields.value.path = newValue }
    }
    public var query: [QueryItem] {
        get { fields.value.query }
        set { fields.value.query = newValue }
    }
    public var headers: [HTTPHeader] {
        get { fields.value.headers }
        set { fields.value.headers = newValue }
    }
    /// The JSON body of a POST (LLM calls), nil for GETs. An LLM call made with ``llmCall``
    /// renders its body here, on every read: read ``llmCall`` where the values will do.
    public var body: String? {
        get { fields.value.body ?? fields.value.llmCall?.body }
        set {
            fields.value.body = newValue
            fields.value.llmCall = nil
        }
    }
    /// The chat-completions call this request sends, as values (the pipeline's LLM calls).
    public var llmCall: LLMCall? { fields.value.llmCall }
    /// Whether the request has a body, without rendering it.
    public var hasBody: Bool { fields.value.body != nil || fields.value.llmCall != nil }
    /// The backend tool that issued the request (`get_artist_top_tracks`, …).
    public var tool: String {
        get { fields.value.tool }
        set { fields.value.tool = newValue }
    }
    /// The stage path that was running, e.g. `orchestration/initial_generation/seed_gathering`.
    public var stage: String?

    public init(
        service: Service, method: String = "GET", path: String, query: [QueryItem] = [],
        headers: [HTTPHeader] = [], body: String? = nil, llmCall: LLMCall? = nil, tool: String, stage: String? = nil
    ) {
        fields = CopyOnWriteBox(
            Fields(
                service: service, method: method, path: path, query: query, headers: headers, body: body,
                llmCall: llmCall, tool: tool))
        self.stage = stage
    }

    /// The value of the first query parameter called `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Path and percent-encoded query, e.g. `/v1/search?q=genre%3Ajazz&type=track`.
    public var pathAndQuery: String {
        guard !query.isEmpty else { return path }
        return url(base: "")
    }

    /// The full URL against `base` (scheme and host, no trailing slash).
    public func url(base: String) -> String {
        // Sized up front (encoding rarely lengthens a component): rendered for every exchange.
        var text = ""
        text.reserveCapacity(
            base.utf8.count + path.utf8.count + query.reduce(query.count) { $0 + $1.name.utf8.count + $1.value.utf8.count + 1 })
        text.append(base)
        text.append(path)
        for (position, item) in query.enumerated() {
            text.append(position == 0 ? "?" : "&")
            text.append(Self.percentEncode(item.name))
            text.append("=")
            text.append(Self.percentEncode(item.value))
        }
        return text
    }

    /// The default public base URL of each service.
    public static func defaultBase(for service: Service) -> String { service.publicBase }

    /// Whether `byte` is sent as is: A–Z, a–z, 0–9 and `-._~,`.
    @inline(__always)
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ","):
            return true
        default:
            return false
        }
    }

    /// RFC 3986 percent-encoding of a query component (commas kept, as id lists are sent).
    public static func percentEncode(_ text: String) -> String {
        // Most components (ids, limits, types) need no encoding: return them as they are.
        if text.utf8.allSatisfy(isUnreserved) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        let hex: StaticString = "0123456789ABCDEF"
        hex.withUTF8Buffer { hex in
            for byte in text.utf8 {
                if isUnreserved(byte) {
                    out.append(byte)
                } else {
                    out.append(UInt8(ascii: "%"))
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
