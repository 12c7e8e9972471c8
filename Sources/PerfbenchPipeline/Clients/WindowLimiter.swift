import Synchronization

/// The backend's per-tool request limiter: a fixed calendar-minute window.
///
/// Timestamps count only if they fall after the start of the current wall-clock minute. At the
/// limit a caller waits `60 − (now − oldest stamp this minute)` once and does not check again.
/// Stamps are taken when a request completes successfully, not when it starts — which is why
/// concurrent callers can overshoot the limit and why the waits in the real logs are so long.
public final class WindowLimiter: Sendable {
    public let limit: Int
    /// Where virtual zero falls within a wall-clock minute (the recording's start second).
    public let minuteOffset: Duration
    private let stamps = Mutex(Stamps())

    /// The completion stamps and the earliest of them: while the earliest is inside the minute
    /// none has expired, so most calls skip the scan (each compare of two `Duration`s is a call
    /// into the standard library; scanning every stamp on every request was ≈ 1 % of a what-if).
    private struct Stamps {
        var times: [Duration] = []
        var earliest: Duration?

        mutating func drop(before start: Duration) {
            guard let earliest, earliest < start else { return }
            times.removeAll { $0 < start }
            self.earliest = times.min()
        }

        mutating func append(_ time: Duration) {
            times.append(time)
            earliest = earliest.map { min($0, time) } ?? time
        }
    }

    public init(limit: Int, minuteOffset: Duration = .zero) {
        self.limit = limit
        self.minuteOffset = minuteOffset
    }

    /// How long a caller arriving at `now` must wait (zero when under the limit).
    public func delay(at now: Duration) -> Duration {
        let minuteStart = Self.minuteStart(containing: now + minuteOffset) - minuteOffset
        return stamps.withLock { stamps in
            stamps.drop(before: minuteStart)
            guard stamps.times.count >= limit, let oldest = stamps.earliest else { return .zero }
            let wait = .seconds(60) - (now - oldest)
            return wait > .zero ? wait : .zero
        }
    }

    /// Records a successful completion at `now`.
    public func stamp(at now: Duration) {
        stamps.withLock { $0.append(now) }
    }

    /// The start of the wall-clock minute holding `instant` (an offset on the minute grid).
    static func minuteStart(containing instant: Duration) -> Duration {
        let seconds = instant.components.seconds
        let whole = seconds - ((seconds % 60) + 60) % 60
        return .seconds(whole)
    }
}

/// The backend's minimum interval between a tool's requests, measured from the last completion.
///
/// There is no lock around it, so concurrent callers read the same last completion, wait the
/// same remainder and fire together.
public final class MinIntervalGate: Sendable {
    public let interval: Duration
    private let lastCompletion = Mutex<Duration?>(nil)

    public init(interval: Duration) {
        self.interval = interval
    }

    /// How long a caller arriving at `now` waits.
    public func delay(at now: Duration) -> Duration {
        guard interval > .zero, let last = lastCompletion.withLock({ $0 }) else { return .zero }
        let remaining = interval - (now - last)
        return remaining > .zero ? remaining : .zero
    }

    /// Records a completion at `now`.
    public func completed(at now: Duration) {
        lastCompletion.withLock { $0 = now }
    }
}
