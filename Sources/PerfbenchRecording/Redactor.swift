/// Hides credentials before anything is written: credential headers, secret query, form and
/// JSON parameters, URL passwords, bearer tokens and `sk-` keys become `[REDACTED]`.
///
/// Every write path applies it (`RecordingWriter`, `HARImporter`); the only way to keep a
/// credential header is to name it in `keptHeaders` (`--keep-header NAME`).
public struct Redactor: Sendable, Equatable {
    /// What replaces each secret value.
    public static let placeholder = "[REDACTED]"

    /// Query, form and JSON keys whose values are secrets (compared lowercased).
    public static let secretParameters: Set<String> = [
        "access_token", "refresh_token", "code", "client_secret", "token", "password", "api_key",
    ]

    /// Header names (lowercased) kept as they are, from `--keep-header`.
    public var keptHeaders: Set<String>

    /// A redactor that keeps the named headers (any case) untouched.
    public init(keepingHeaders: [String] = []) {
        keptHeaders = Set(keepingHeaders.map { $0.lowercased() })
    }

    /// Whether a header with this name carries a credential: `Authorization`, `Cookie`,
    /// `Set-Cookie`, `Proxy-Authorization`, `X-Api-Key`, `Api-Key`, and anything ending in
    /// `-api-key` or `-token`.
    public static func isSecretHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        switch lower {
        case "authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key", "api-key":
            return true
        default:
            return lower.hasSuffix("-api-key") || lower.hasSuffix("-token")
        }
    }

    /// The exchange with its URL, headers and bodies redacted.
    public func redact(_ exchange: Exchange) -> Exchange {
        var copy = exchange
        copy.url = redactText(exchange.url)
        copy.requestHeaders = redactHeaders(exchange.requestHeaders)
        copy.responseHeaders = redactHeaders(exchange.responseHeaders)
        copy.requestBody = exchange.requestBody.map(redactText)
        copy.responseBody = exchange.responseBody.map(redactText)
        return copy
    }

    /// Credential headers' values replaced (unless kept); other values scrubbed as text.
    public func redactHeaders(_ headers: [HTTPHeader]) -> [HTTPHeader] {
        headers.map { header in
            let lower = header.name.lowercased()
            if keptHeaders.contains(lower) { return header }
            if Self.isSecretHeader(lower) {
                return header.value.isEmpty ? header : HTTPHeader(header.name, Self.placeholder)
            }
            return HTTPHeader(header.name, redactText(header.value))
        }
    }

    /// Free text (a URL, a body, a log line) with every secret value replaced; the same string
    /// when there is nothing to hide.
    public func redactText(_ text: String) -> String {
        SecretText.redact(text)
    }

    /// The secret kinds present in `text` (what `redactText` would hide).
    public static func secretKinds(in text: String) -> [SecretKind] {
        var seen = Set<SecretKind>()
        return SecretText.matches(in: text).compactMap { seen.insert($0.kind).inserted ? $0.kind : nil }
    }
}
