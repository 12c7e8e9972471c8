import Synchronization

/// Runs async code on virtual time.
public enum VirtualTime {
    /// What a finished replay returns.
    public struct Run<Value: Sendable>: Sendable {
        /// The root operation's result.
        public var value: Value
        /// Virtual time when the root operation returned.
        public var elapsed: Duration
        /// Executor jobs the driver ran (a measure of cost, independent of virtual seconds).
        public var jobs: Int
    }

    /// Runs `operation` to completion on a fresh virtual clock, driving it on the calling thread.
    ///
    /// Structured children of the operation (task groups, `async let`) and default actors stay
    /// on the replay's executor; time advances only when all of them wait on the clock. Many
    /// replays may run at once, one per thread, and never influence each other.
    ///
    /// - Throws: whatever `operation` throws; ``VirtualTimeError/stalled(at:jobsRun:escapes:)``
    ///   when the replay goes idle unfinished; ``VirtualTimeError/escaped(_:)`` when it finished
    ///   but something ran on another thread.
    public static func run<Value: Sendable>(
        _ operation: @escaping @Sendable (VirtualClock) async throws -> Value
    ) throws -> Run<Value> {
        let scheduler = VirtualScheduler()
        let clock = VirtualClock(scheduler: scheduler)
        let result = ResultSlot<Value>()
        // The one unstructured task of a replay: its root, pinned to the replay's executor.
        let root = Task(executorPreference: scheduler) {
            let outcome: Result<Value, any Error>
            do {
                outcome = .success(try await operation(clock))
            } catch {
                outcome = .failure(error)
            }
            result.store(outcome)
            scheduler.markRootFinished()
        }
        let jobs = scheduler.drive()
        let seen = scheduler.outcome
        guard seen.rootFinished, let finished = result.load() else {
            root.cancel()
            throw VirtualTimeError.stalled(
                at: VirtualInstant(offset: seen.now), jobsRun: jobs, escapes: seen.escapes)
        }
        if seen.escapes > 0 {
            throw VirtualTimeError.escaped(seen.firstEscape ?? "a task")
        }
        return Run(value: try finished.get(), elapsed: seen.now, jobs: jobs)
    }
}

/// Hands the root task's result to the driver thread.
private final class ResultSlot<Value: Sendable>: Sendable {
    private let slot = Mutex<Result<Value, any Error>?>(nil)

    func store(_ result: Result<Value, any Error>) {
        slot.withLock { $0 = result }
    }

    func load() -> Result<Value, any Error>? {
        slot.withLock { $0 }
    }
}
