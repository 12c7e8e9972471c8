import PerfbenchPipeline
import PerfbenchRecording

/// Where an incoming request goes on the one port, and the path and query the world sees.
///
/// `/reccobeats/<rest>` is ReccoBeats with the prefix stripped (`/reccobeats/v1/track` asks
/// `/v1/track`); `/v1/chat/completions` is the LLM; every other `/v1/…` is Spotify; anything
/// else is no service at all.
struct ServerRoute: Equatable {
    /// The path prefix ReccoBeats is served under.
    static let reccoBeatsPrefix = "/reccobeats"
    /// The LLM's chat-completions path.
    static let llmPath = "/v1/chat/completions"

    /// The service the request is for, or nil when the path names none.
    var service: Service?
    /// The percent-decoded path the world sees (prefix stripped).
    var path: String
    /// The percent-decoded query items in the order sent.
    var query: [HTTPRequest.QueryItem]

    /// Why a request target cannot be read.
    enum Problem: Error, Equatable {
        /// A `%` not followed by two hex digits, or bytes that are not UTF-8 once decoded.
        case badEncoding(String)
    }

    /// Parses a request target (`/v1/search?q=a%20b&type=artist`, or absolute form).
    init(target: String) throws(Problem) {
        var target = Substring(target)
        if target.hasPrefix("http://") || target.hasPrefix("https://") {
            // Absolute form (proxies send it): keep the path from the first slash after the host.
            let afterScheme = target[target.index(after: target.firstIndex(of: ":") ?? target.startIndex)...]
                .drop { $0 == "/" }
            target = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? "/"
        }
        let rawPath: Substring
        let rawQuery: Substring?
        if let mark = target.firstIndex(of: "?") {
            rawPath = target[..<mark]
            rawQuery = target[target.index(after: mark)...]
        } else {
            rawPath = target
            rawQuery = nil
        }
        guard let decodedPath = Self.percentDecode(rawPath, plusIsSpace: false) else {
            throw .badEncoding("the path is not valid percent-encoded UTF-8")
        }
        var items: [HTTPRequest.QueryItem] = []
        if let rawQuery {
            for pair in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
                let equals = pair.firstIndex(of: "=")
                let rawName = equals.map { pair[..<$0] } ?? pair
                let rawValue = equals.map { pair[pair.index(after: $0)...] } ?? ""
                guard let name = Self.percentDecode(rawName, plusIsSpace: true),
                    let value = Self.percentDecode(rawValue, plusIsSpace: true)
                else {
                    throw .badEncoding("the query is not valid percent-encoded UTF-8")
                }
                items.append(HTTPRequest.QueryItem(name, value))
            }
        }
        query = items
        (service, path) = Self.service(for: decodedPath)
    }

    /// The service a decoded path belongs to, and the path the world sees.
    static func service(for path: String) -> (Service?, String) {
        if path == reccoBeatsPrefix || path.hasPrefix(reccoBeatsPrefix + "/") {
            let rest = String(path.dropFirst(reccoBeatsPrefix.count))
            return (.reccobeats, rest.isEmpty ? "/" : rest)
        }
        if path == llmPath { return (.llm, path) }
        if path == "/v1" || path.hasPrefix("/v1/") { return (.spotify, path) }
        return (nil, path)
    }

    /// Decodes `%XX` escapes (and `+` as a space in queries, as HTML forms and Python clients
    /// send it; ``HTTPRequest/percentEncode(_:)`` never writes a bare `+`). Nil on a malformed
    /// escape or on bytes that are not UTF-8.
    static func percentDecode(_ text: Substring, plusIsSpace: Bool) -> String? {
        let utf8 = text.utf8
        // Fast path: nothing to decode.
        if !utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) {
            return String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: index)
                guard first < utf8.endIndex else { return nil }
                let second = utf8.index(after: first)
                guard second < utf8.endIndex, let high = HexDigit.value(utf8[first]), let low = HexDigit.value(utf8[second]) else {
                    return nil
                }
                bytes.append(high << 4 | low)
                index = utf8.index(after: second)
            } else {
                bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index = utf8.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension WorldServer {
    /// Whether the server can read `target` as a request target (for the fuzzer and tests:
    /// anything else is answered 400).
    public static func readsTarget(_ target: String) -> Bool {
        (try? ServerRoute(target: target)) != nil
    }
}
