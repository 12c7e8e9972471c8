/// What kind of secret a finding or a redaction is about. Descriptions name the kind, never
/// the secret's value.
public enum SecretKind: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A credential header (`Authorization`, `Cookie`, `X-Api-Key`, `…-token`, …); the name is
    /// lowercased.
    case header(String)
    /// A `Bearer …` token anywhere in text.
    case bearerToken
    /// An `sk-…` style API key anywhere in text.
    case apiKey
    /// A password in a URL's user info (`redis://user:pass@host`).
    case urlPassword
    /// A JSON Web Token (three base64url parts, the first two starting `eyJ`), anywhere.
    case jwt
    /// A Google API key (`AIza` and 35 more characters), anywhere.
    case googleAPIKey
    /// A secret query, form or JSON parameter (`access_token`, `code`, …); the name is
    /// lowercased.
    case parameter(String)

    /// `header authorization`, `bearer token`, `sk- API key`, `credentials in URL`, `JSON web token`, `Google API key`,
    /// `parameter access_token`.
    public var description: String {
        switch self {
        case .header(let name): return "header \(name)"
        case .bearerToken: return "bearer token"
        case .apiKey: return "sk- API key"
        case .urlPassword: return "credentials in URL"
        case .jwt: return "JSON web token"
        case .googleAPIKey: return "Google API key"
        case .parameter(let name): return "parameter \(name)"
        }
    }

    /// Orders by description, so reports list kinds deterministically.
    public static func < (lhs: SecretKind, rhs: SecretKind) -> Bool { lhs.description < rhs.description }
}

/// Where a secret was found: file, line and kind; never the secret itself.
public struct SecretFinding: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The scanned file.
    public var path: String
    /// The 1-based line the secret is on.
    public var line: Int
    /// What kind of secret it is.
    public var kind: SecretKind

    /// Makes a finding.
    public init(path: String, line: Int, kind: SecretKind) {
        self.path = path
        self.line = line
        self.kind = kind
    }

    /// `path:line: kind`.
    public var description: String { "\(path):\(line): \(kind)" }

    /// Orders by line, then kind.
    public static func < (lhs: SecretFinding, rhs: SecretFinding) -> Bool {
        (lhs.path, lhs.line, lhs.kind.description) < (rhs.path, rhs.line, rhs.kind.description)
    }
}
