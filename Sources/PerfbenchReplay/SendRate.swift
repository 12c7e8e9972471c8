import PerfbenchRecording

/// How fast a replay sent a host over one span, against the recording (``ReplayTransport/sendRates``).
public struct SendRate: Sendable, Equatable {
    public var service: Service
    public var span: Duration
    /// A span shorter than the host's window (1 s, 5 s).
    public var isBurst: Bool
    public var replayed: Int
    public var recorded: Int
    /// For the window of a host sent faster than recorded: the endpoints (by tool) whose own
    /// busiest window went past the recording's, most added first.
    public var tools: [ToolRate] = []
}

/// One endpoint's (tool's) most sends inside one window of its host, replayed and recorded.
public struct ToolRate: Sendable, Equatable {
    public var tool: String
    public var replayed: Int
    public var recorded: Int
}

/// The most calls a replay had in flight on a host whose recorded latency followed its load
/// (``ReplayTransport/inFlightPeaks``), against the most the recording had.
public struct InFlightPeak: Sendable, Equatable {
    public var service: Service
    public var replayed: Int
    public var recorded: Int
}
