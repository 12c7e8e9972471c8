import PerfbenchRuntime

/// The one source of time the pipeline has: any `Clock` (virtual in replay, continuous live),
/// read as offsets from the moment the pipeline was created.
public struct PipelineClock: Sendable {
    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    /// Wraps `clock`; `now` reads zero at the time of this call. A `VirtualClock` sleeps through
    /// its own method rather than `Clock`'s (see ``VirtualClock/sleep(for:tolerance:)``).
    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let start = clock.now
        elapsed = { start.duration(to: clock.now) }
        if let virtual = clock as? VirtualClock {
            sleeper = { duration in try await virtual.sleep(for: duration) }
        } else {
            sleeper = { duration in try await clock.sleep(for: duration) }
        }
    }

    /// Time since the clock was wrapped.
    public var now: Duration { elapsed() }

    /// Sleeps `duration` on the wrapped clock (returns at once for zero or less).
    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return }
        try await sleeper(duration)
    }
}
