/// A point on a replay's virtual time line: the time elapsed since the replay started.
///
/// Instants compare and subtract like any `InstantProtocol`; they never relate to wall time.
public struct VirtualInstant: InstantProtocol, Hashable, Sendable, CustomStringConvertible {
    /// The time elapsed since the start of the replay.
    public var offset: Duration

    /// Creates the instant that lies `offset` after the start of the replay.
    public init(offset: Duration) {
        self.offset = offset
    }

    /// The start of every replay.
    public static let zero = VirtualInstant(offset: .zero)

    public func advanced(by duration: Duration) -> VirtualInstant {
        VirtualInstant(offset: offset + duration)
    }

    public func duration(to other: VirtualInstant) -> Duration {
        other.offset - offset
    }

    public static func < (lhs: VirtualInstant, rhs: VirtualInstant) -> Bool {
        lhs.offset < rhs.offset
    }

    /// Seconds since the start, e.g. `t+31.900000s`.
    public var description: String {
        "t+\(offset.seconds.formatted(decimals: 6))s"
    }
}

extension Duration {
    /// This duration as a floating-point number of seconds.
    public var seconds: Double {
        let (wholeSeconds, attoseconds) = components
        return Double(wholeSeconds) + Double(attoseconds) / 1e18
    }

    /// A duration from a floating-point number of seconds, rounded to the microsecond.
    ///
    /// Recordings store microseconds; rounding here keeps arithmetic on them exact.
    public static func secondsRounded(_ value: Double) -> Duration {
        .microseconds(Int64((value * 1_000_000).rounded()))
    }

    /// Whole microseconds in this duration, truncated toward zero.
    public var microseconds: Int64 {
        let (wholeSeconds, attoseconds) = components
        return wholeSeconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}

extension Double {
    /// A fixed-point rendering that is identical on every platform (no locale, no exponent).
    public func formatted(decimals: Int) -> String {
        precondition(decimals >= 0 && decimals <= 9, "decimals must be 0...9")
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(self) * scale).rounded()
        guard scaled < 9.0e18 else { return String(self) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let sign = self < 0 && units != 0 ? "-" : ""
        let whole = units / divisor
        guard decimals > 0 else { return "\(sign)\(whole)" }
        var fraction = String(units % divisor)
        while fraction.count < decimals { fraction = "0" + fraction }
        return "\(sign)\(whole).\(fraction)"
    }
}
