/// A clock whose time moves only when every task of the replay is waiting.
///
/// Obtain one from ``VirtualTime/run(_:)``: the clock is bound to that replay's scheduler and
/// must only be used by tasks of that replay (structured children of the root task). Sleeping
/// parks the task on a timer; when no job is runnable the driver jumps `now` to the earliest
/// timer's deadline. Cancelling a sleeper throws `CancellationError` without moving time.
public struct VirtualClock: Clock, Sendable {
    public typealias Duration = Swift.Duration
    public typealias Instant = VirtualInstant

    let scheduler: VirtualScheduler

    init(scheduler: VirtualScheduler) {
        self.scheduler = scheduler
    }

    /// The replay's current virtual time.
    public var now: VirtualInstant {
        VirtualInstant(offset: scheduler.now)
    }

    /// Virtual time has no granularity beyond `Duration`'s own.
    public var minimumResolution: Duration {
        .nanoseconds(1)
    }

    /// Suspends until virtual time reaches `deadline` (returns at once if it already has).
    ///
    /// - Throws: `CancellationError` if the task is cancelled while waiting;
    ///   ``VirtualTimeError/escaped(_:)`` if called from outside the replay's thread.
    public func sleep(until deadline: VirtualInstant, tolerance: Duration? = nil) async throws {
        try await scheduler.sleep(until: deadline.offset)
    }

    /// Suspends for `duration` of virtual time: what `Clock`'s own `sleep(for:)` does, declared
    /// here so that a caller holding a `VirtualClock` runs it on its own executor. Through the
    /// `Clock` protocol, whose requirements the standard library declares as hopping to the
    /// generic executor, each sleep cost two task switches more.
    public func sleep(for duration: Duration, tolerance: Duration? = nil) async throws {
        try await scheduler.sleep(until: scheduler.now + duration)
    }
}
