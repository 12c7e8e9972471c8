import PerfbenchRuntime

/// The one source of time the pipeline has: any `Clock` (virtual in replay, continuous live),
/// read as offsets from the moment the pipeline was created.
public struct PipelineClock: Sendable {
    /// A `VirtualClock` is read and slept on directly; any other clock through closures. The
    /// pipeline reads the time before and after nearly everything it does, and reading a
    /// virtual clock through a closure cost twice what the read itself does (≈ 1.5 % of a
    /// search, `perf record` of `optimize`).
    private enum Source: Sendable {
        case virtual(VirtualClock, start: Duration)
        case other(elapsed: @Sendable () -> Duration, sleep: @Sendable (Duration) async throws -> Void)
    }

    private let source: Source

    /// Wraps `clock`; `now` reads zero at the time of this call. A `VirtualClock` sleeps through
    /// its own method rather than `Clock`'s (see ``VirtualClock/sleep(for:tolerance:)``).
    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        if let virtual = clock as? VirtualClock {
            source = .virtual(virtual, start: virtual.now.offset)
        } else {
            let start = clock.now
            source = .other(
                elapsed: { start.duration(to: clock.now) }, sleep: { duration in try await clock.sleep(for: duration) })
        }
    }

    /// Time since the clock was wrapped.
    public var now: Duration {
        switch source {
        case .virtual(let clock, let start): return clock.now.offset - start
        case .other(let elapsed, _): return elapsed()
        }
    }

    /// Sleeps `duration` on the wrapped clock (returns at once for zero or less).
    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return }
        switch source {
        case .virtual(let clock, _): try await clock.sleep(for: duration)
        case .other(_, let sleep): try await sleep(duration)
        }
    }
}
