/// Where a running world server answers: the bound port and each service's base URL.
///
/// Every base is scheme, host and port with no trailing slash; a client appends the same paths
/// as against the real service (`/v1/search`, `/v1/track/recommendation`,
/// `/v1/chat/completions`).
public struct ServedWorld: Sendable, Hashable {
    /// The host as configured (a loopback address unless the caller chose another).
    public let host: String
    /// The port the server listens on (the chosen one when the configuration said 0).
    public let port: Int
    /// Stands in for `https://api.spotify.com`: paths `/v1/…`.
    public let spotifyBase: String
    /// Stands in for `https://api.reccobeats.com`: the same port under the `/reccobeats` prefix.
    public let reccoBeatsBase: String
    /// Stands in for `https://api.openai.com`: `POST /v1/chat/completions`.
    public let llmBase: String
    /// The time scale K in force (also sent as `X-Perfbench-Time-Scale` on every response).
    public let timeScale: Double

    /// The addresses of a server on `host`:`port` (IPv6 literals are bracketed).
    public init(host: String, port: Int, timeScale: Double) {
        self.host = host
        self.port = port
        self.timeScale = timeScale
        let authority = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let root = "http://\(authority)"
        spotifyBase = root
        reccoBeatsBase = root + ServerRoute.reccoBeatsPrefix
        llmBase = root
    }
}
