import Foundation
import PerfbenchRecording

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An upstream that cannot be reached at all: nothing accepts connections on its port, its name
/// does not resolve, or the machine has no network. Unlike a timeout or a reset, retrying will
/// not help, so a live recording stops on it instead of recording a run of failures.
public struct UnreachableHost: Error, Sendable, Hashable, CustomStringConvertible {
    /// The service whose base could not be reached.
    public var service: Service
    /// The base URL tried, e.g. `http://127.0.0.1:9`.
    public var base: String
    /// What went wrong, e.g. `connection refused` or `host not found`.
    public var cause: String

    /// Makes the failure for `service` at `base`.
    public init(service: Service, base: String, cause: String) {
        self.service = service
        self.base = base
        self.cause = cause
    }

    /// The failure `error` stands for, or nil when `error` is not an unreachable host (a
    /// timeout, a reset connection, a cancellation…).
    public init?(service: Service, base: String, error: any Error) {
        guard let urlError = error as? URLError else { return nil }
        switch urlError.code {
        case .cannotConnectToHost: cause = "connection refused"
        case .cannotFindHost, .dnsLookupFailed: cause = "host not found"
        case .notConnectedToInternet: cause = "not connected to a network"
        default: return nil
        }
        self.service = service
        self.base = base
    }

    /// `cannot reach spotify at http://127.0.0.1:9 (connection refused)`.
    public var description: String {
        "cannot reach \(service.rawValue) at \(base) (\(cause))"
    }
}
