import PerfbenchRecording

/// Why a live recording stopped before it had a run worth writing.
public enum LiveRecordingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An upstream could not be reached at all (before the run or during it).
    case unreachable(UnreachableHost)
    /// An upstream said it runs at another time scale than the recording's clock.
    case timeScaleMismatch(service: Service, base: String, expected: Double, served: Double)

    public var description: String {
        switch self {
        case .unreachable(let host):
            return "\(host). Is the server running? Start one with 'perfbench serve', or pass the "
                + "right --\(Self.flag(for: host.service))."
        case .timeScaleMismatch(let service, let base, let expected, let served):
            let servedText = served == 1 ? "1 (real time; no X-Perfbench-Time-Scale header)" : Self.number(served)
            return "\(service.rawValue) at \(base) runs at time scale \(servedText), but this recording's "
                + "clock runs at \(Self.number(expected)): every time would be off by their ratio. "
                + (served == 1
                    ? "Leave out --time-scale for an upstream that runs in real time."
                    : "Pass --time-scale \(Self.number(served)), the server's scale.")
        }
    }

    /// The command-line flag that names `service`'s URL.
    public static func flag(for service: Service) -> String {
        switch service {
        case .spotify: "spotify-url"
        case .reccobeats: "reccobeats-url"
        case .llm: "llm-url"
        case .other: "spotify-url"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
