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

    public var service: Service
    public var method: String
    /// The path from the host on, e.g. `/v1/artists/0OdUWJ0sBjDrqHygGUXeCF/top-tracks`.
    public var path: String
    public var query: [QueryItem]
    public var headers: [HTTPHeader]
    /// The JSON body of a POST (LLM calls), nil for GETs.
    public var body: String?
    /// The backend tool that issued the request (`get_artist_top_tracks`, …).
    public var tool: String
    /// The stage path that was running, e.g. `orchestration/initial_generation/seed_gathering`.
    public var stage: String?

    public init(
        service: Service, method: String = "GET", path: String, query: [QueryItem] = [],
        headers: [HTTPHeader] = [], body: String? = nil, tool: String, stage: String? = nil
    ) {
        self.service = service
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.tool = tool
        self.stage = stage
    }

    /// The value of the first query parameter called `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Path and percent-encoded query, e.g. `/v1/search?q=genre%3Ajazz&type=track`.
    public var pathAndQuery: String {
        guard !query.isEmpty else { return path }
        let encoded = query.map { "\(Self.percentEncode($0.name))=\(Self.percentEncode($0.value))" }
        return path + "?" + encoded.joined(separator: "&")
    }

    /// The full URL against `base` (scheme and host, no trailing slash).
    public func url(base: String) -> String {
        base + pathAndQuery
    }

    /// The default public base URL of each service.
    public static func defaultBase(for service: Service) -> String {
        switch service {
        case .spotify: return "https://api.spotify.com"
        case .reccobeats: return "https://api.reccobeats.com"
        case .llm: return "https://api.openai.com"
        case .other: return "http://localhost"
        }
    }

    private static let unreserved: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~,".utf8))

    /// RFC 3986 percent-encoding of a query component (commas kept, as id lists are sent).
    public static func percentEncode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0xF)]))
            }
        }
        return out
    }
}
