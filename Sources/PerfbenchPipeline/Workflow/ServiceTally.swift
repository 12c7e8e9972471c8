import PerfbenchRecording

/// A number per service, or none, in one fixed slot per service: the run's counters are
/// updated on every exchange, where a `[Service: Int]` hashed the service each time (≈ 1.5 % of
/// a what-if). Reads and writes as the dictionary it stands for (``dictionary``).
struct ServiceTally: Sendable, Hashable {
    private var spotify: Int?
    private var reccobeats: Int?
    private var llm: Int?
    private var other: Int?

    init() {}

    init(_ dictionary: [Service: Int]) {
        for (service, value) in dictionary { self[service] = value }
    }

    subscript(service: Service) -> Int? {
        get {
            switch service {
            case .spotify: spotify
            case .reccobeats: reccobeats
            case .llm: llm
            case .other: other
            }
        }
        set {
            switch service {
            case .spotify: spotify = newValue
            case .reccobeats: reccobeats = newValue
            case .llm: llm = newValue
            case .other: other = newValue
            }
        }
    }

    /// The services that have a number, with it.
    var dictionary: [Service: Int] {
        var dictionary: [Service: Int] = [:]
        for service in Service.allCases {
            if let value = self[service] { dictionary[service] = value }
        }
        return dictionary
    }
}
