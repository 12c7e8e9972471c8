/// The parts of a URL string, split without Foundation and without normalising anything, so
/// that redaction can rebuild the URL byte for byte apart from the values it hides.
struct URLParts: Equatable {
    /// `https`, or empty for a relative reference.
    var scheme: String = ""
    /// `user` or `user:password` before the `@`, nil when absent.
    var userInfo: String?
    /// The host (with the port, if any, as written: `host:8080`).
    var hostAndPort: String = ""
    /// The path, starting with `/` (may be empty).
    var path: String = ""
    /// The query without the `?`, nil when absent.
    var query: String?
    /// The fragment without the `#`, nil when absent.
    var fragment: String?

    /// The host without the port.
    var host: String {
        if hostAndPort.hasPrefix("[") {  // IPv6 literal
            guard let close = hostAndPort.firstIndex(of: "]") else { return hostAndPort }
            return String(hostAndPort[...close])
        }
        guard let colon = hostAndPort.lastIndex(of: ":") else { return hostAndPort }
        return String(hostAndPort[..<colon])
    }

    init(_ url: String) {
        var rest = Substring(url)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let separator = rest.firstRange(of: "://") {
            scheme = String(rest[..<separator.lowerBound])
            rest = rest[separator.upperBound...]
            let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") {
                userInfo = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            hostAndPort = String(authority)
            rest = rest[authorityEnd...]
        }
        path = String(rest)
    }

    /// The URL rebuilt from its parts.
    var string: String {
        var text = ""
        if !scheme.isEmpty { text += scheme + "://" }
        if let userInfo { text += userInfo + "@" }
        text += hostAndPort + path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }
}
