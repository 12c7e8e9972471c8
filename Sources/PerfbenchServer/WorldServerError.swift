/// Why a world server could not start.
public enum WorldServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration value is out of range (the message names it and the fix).
    case invalidConfiguration(String)
    /// The address could not be bound: in use, not local, or not resolvable.
    case cannotListen(host: String, port: Int, reason: String)

    /// The reason in one line, naming the fix where there is one.
    public var description: String {
        switch self {
        case .invalidConfiguration(let message):
            return message
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
