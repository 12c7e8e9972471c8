import PerfbenchWorld

/// What `perfbench serve` serves and where: the world (profile and seed), the address, the time
/// scale and the request-size bound.
public struct WorldServerConfiguration: Sendable {
    /// The simulated world's profile (latencies, limits, faults, catalogue shape).
    public var profile: WorldProfile
    /// The world seed: fixes the catalogue and every latency draw.
    public var seed: UInt64
    /// The address to bind; loopback unless the caller asks otherwise.
    public var host: String
    /// The port to bind; 0 picks a free one (``ServedWorld/port`` tells which).
    public var port: Int
    /// Time runs this many times faster than real time: world time is real elapsed time × K, and
    /// every latency and `Retry-After` is divided by K. 1 is real time.
    public var timeScale: Double
    /// Request bodies larger than this are refused with 413.
    public var maxBodyBytes: Int
    /// A connection that sends nothing for this long while no answer is pending is closed: an
    /// idle keep-alive connection, and a request head or body that stalls (a slow client cannot
    /// hold a connection open). Real time, whatever the time scale.
    public var idleTimeout: Duration = .seconds(60)

    /// A configuration serving `profile` and `seed` on `host`:`port` at `timeScale`.
    public init(
        profile: WorldProfile, seed: UInt64, host: String = "127.0.0.1", port: Int = 0,
        timeScale: Double = 1, maxBodyBytes: Int = 1 << 20
    ) {
        self.profile = profile
        self.seed = seed
        self.host = host
        self.port = port
        self.timeScale = timeScale
        self.maxBodyBytes = maxBodyBytes
    }

    /// The largest time scale accepted: beyond it a world latency of 0.1 s would be 10 µs, below
    /// what a loopback round trip can resolve.
    public static let maximumTimeScale: Double = 10_000

    /// Checks the values a server cannot run with, naming the field and the fix.
    public func validate() throws(WorldServerError) {
        guard (0...65_535).contains(port) else {
            throw .invalidConfiguration("port \(port) is out of range; use 0...65535 (0 picks a free port)")
        }
        guard timeScale.isFinite, timeScale > 0, timeScale <= Self.maximumTimeScale else {
            throw .invalidConfiguration(
                "time scale \(timeScale) is out of range; use a number above 0 and at most 10000")
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }) else {
            throw .invalidConfiguration(
                "host \"\(host)\" is not an address; use an IP address or name such as 127.0.0.1")
        }
        guard maxBodyBytes > 0 else {
            throw .invalidConfiguration("the body limit must be positive, not \(maxBodyBytes)")
        }
        guard idleTimeout > .zero else {
            throw .invalidConfiguration("the idle timeout must be positive, not \(idleTimeout)")
        }
    }

    /// Whether ``host`` names the loopback interface (`127.x.y.z`, `::1`, `localhost`).
    public var bindsLoopbackOnly: Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
