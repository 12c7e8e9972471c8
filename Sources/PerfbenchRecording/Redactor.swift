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
    /// `Set-Cookie`, `Proxy-Authorization`, and any secret-shaped name (``isSecretName(_:)``):
    /// `X-Api-Key`, `Token`, `X-Session`, `X-Client-Secret`, `Ocp-Apim-Subscription-Key`, …
    public static func isSecretHeader(_ name: String) -> Bool {
        isCredentialHeader(name) || isSecretName(name)
    }

    /// The headers that are credentials by their very name: `Authorization`, `Cookie`,
    /// `Set-Cookie`, `Proxy-Authorization`, `X-Api-Key`, `Api-Key`, `*-Api-Key`, `*-Token`.
    static func isCredentialHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        switch lower {
        case "authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key", "api-key":
            return true
        default:
            return lower.hasSuffix("-api-key") || lower.hasSuffix("-token")
        }
    }

    /// Whether a parameter, field or header name is shaped like a credential's, whatever its
    /// case, separators or percent-encoding (`access%5Ftoken`, `clientSecret`, `X-Session`,
    /// `apiKey`, `id_token`, `key`): default deny for anything that could name a secret.
    public static func isSecretName(_ name: String) -> Bool {
        let compact = compactName(name)
        guard !compact.isEmpty, !harmlessNames.contains(compact) else { return false }
        if secretNames.contains(compact) { return true }
        if secretFragments.contains(where: { compact.contains($0) }) { return true }
        return compact.hasSuffix("key")
    }

    /// Whole names that are credentials (after ``compactName(_:)``).
    static let secretNames: Set<String> = [
        "code", "auth", "key", "sig", "pwd", "pass", "secret", "password", "token", "jwt", "session", "cookie",
    ]

    /// Names that look secret-shaped but are known to hold no credential: OAuth's `token_type`
    /// (`Bearer`).
    static let harmlessNames: Set<String> = ["tokentype"]

    /// Parts of names that make them credentials (after ``compactName(_:)``).
    static let secretFragments = [
        "token", "secret", "passw", "jwt", "signature", "credential", "session", "cookie", "authoriz", "apikey",
    ]

    /// `name` lowercased, percent-decoded, without `_`, `-`, `.` and spaces.
    static func compactName(_ name: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(name.utf8)
        var index = 0
        while index < utf8.count {
            var byte = utf8[index]
            if byte == UInt8(ascii: "%"), index + 2 < utf8.count, let high = HexDigit.value(utf8[index + 1]),
                let low = HexDigit.value(utf8[index + 2])
            {
                byte = high << 4 | low
                index += 2
            }
            index += 1
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == 0x20 { continue }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
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
