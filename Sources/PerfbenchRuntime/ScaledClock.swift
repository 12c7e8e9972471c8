/// A real clock that runs `timeScale` times faster than wall time: `now` is the continuous
/// clock's time since the clock was made, multiplied by the scale, and a sleep of `d` lasts
/// `d / timeScale` of real time.
///
/// A live recording and the emulated upstreams of `perfbench serve` share one scale, so a
/// five-minute workflow runs live in six seconds at scale 50 while every duration the pipeline
/// measures stays in world seconds. Everything that takes real time is magnified with it: one
/// millisecond of CPU between two requests reads as 50 ms of world time at scale 50. At scale 1
/// it behaves as `ContinuousClock`.
public struct ScaledClock: Clock, Sendable {
    public typealias Duration = Swift.Duration

    /// A point on the scaled time line: world time since the clock was made.
    public struct Instant: InstantProtocol, Hashable, Sendable, CustomStringConvertible {
        /// World time elapsed since the clock was made.
        public var offset: Duration

        /// The instant `offset` after the clock was made.
        public init(offset: Duration) {
            self.offset = offset
        }

        public func advanced(by duration: Duration) -> Instant {
            Instant(offset: offset + duration)
        }

        public func duration(to other: Instant) -> Duration {
            other.offset - offset
        }

        public static func < (lhs: Instant, rhs: Instant) -> Bool {
            lhs.offset < rhs.offset
        }

        /// World seconds since the clock was made, e.g. `t+31.900000s`.
        public var description: String {
            "t+\(offset.seconds.formatted(decimals: 6))s"
        }
    }

    /// World seconds per real second (50: a 5-minute workflow takes 6 s).
    public let timeScale: Double
    /// The continuous-clock instant world time counts from.
    public let origin: ContinuousClock.Instant
    private let continuous = ContinuousClock()

    /// A clock reading zero now and running `timeScale` times faster than real time.
    ///
    /// - Precondition: `timeScale` is finite and greater than zero.
    public init(timeScale: Double, origin: ContinuousClock.Instant = .now) {
        precondition(timeScale.isFinite && timeScale > 0, "a time scale must be finite and positive")
        self.timeScale = timeScale
        self.origin = origin
    }

    /// World time since the clock was made: real elapsed time × `timeScale`.
    public var now: Instant {
        Instant(offset: world(origin.duration(to: continuous.now)))
    }

    /// The continuous clock's resolution in world time (never below a nanosecond).
    public var minimumResolution: Duration {
        max(world(continuous.minimumResolution), .nanoseconds(1))
    }

    /// Sleeps on the continuous clock until it reaches `deadline`'s real instant (returns at
    /// once, after a cancellation check, when the deadline has passed).
    ///
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let realDeadline = origin.advanced(by: real(deadline.offset))
        try await continuous.sleep(until: realDeadline, tolerance: tolerance.map(real))
    }

    /// The real duration that lasts `world` on this clock (`world / timeScale`).
    public func real(_ world: Duration) -> Duration {
        timeScale == 1 ? world : world / timeScale
    }

    /// The world duration a real duration reads as on this clock (`real × timeScale`).
    public func world(_ real: Duration) -> Duration {
        timeScale == 1 ? real : real * timeScale
    }
}
