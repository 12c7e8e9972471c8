import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The executor and timer set of one replay, driven by a loop on the thread that started it.
///
/// Jobs run in FIFO order; when none is runnable the driver fires the earliest timer (ties in
/// registration order) and moves `now` to its deadline. Everything that reaches the schedule is
/// ordered by arrival on the one driver thread, so a replay is a pure function of its inputs.
final class VirtualScheduler: TaskExecutor, Sendable {
    fileprivate struct State {
        var jobs: [UnownedJob] = []
        var timers = TimerQueue()
        var now: Duration = .zero
        var escapes = 0
        var firstEscape: String?
        var rootFinished = false
    }

    // Shared by the driver thread and, only in buggy code, by threads that escaped the replay.
    private let state = Mutex(State())
    private let driverThread: pthread_t
    /// `state.now` as the driver thread last set it, read by that thread alone: the pipeline
    /// reads the time before and after nearly everything it does, and taking the lock for each
    /// read (a `gettid` and two atomic operations) was ≈ 2 % of a what-if.
    private nonisolated(unsafe) var driverNow: Duration = .zero

    /// Creates a scheduler driven by the calling thread.
    init() {
        driverThread = pthread_self()
    }

    var now: Duration {
        // Only the driver thread moves time, so on it its own copy is exact; any other thread
        // (an escape, a bug the outcome reports) reads under the lock.
        onDriverThread ? driverNow : state.withLock { $0.now }
    }

    private var onDriverThread: Bool {
        pthread_equal(pthread_self(), driverThread) != 0
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let foreign = !onDriverThread
        state.withLock { state in
            if foreign { state.noteEscape("a job enqueued from another thread") }
            state.jobs.append(unowned)
        }
    }

    func sleep(until deadline: Duration) async throws {
        guard onDriverThread else {
            state.withLock { $0.noteEscape("VirtualClock.sleep") }
            throw VirtualTimeError.escaped("VirtualClock.sleep")
        }
        let ticket: TimerQueue.Ticket? = state.withLock { state in
            deadline > state.now ? state.timers.reserve() : nil
        }
        guard let ticket else {
            try Task.checkCancellation()
            return
        }
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: TimerQueue.Continuation) in
                let armed = state.withLock { state in
                    state.timers.arm(ticket, deadline: deadline, continuation: continuation)
                }
                if !armed { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let parked = state.withLock { $0.timers.cancel(ticket) }
            parked?.resume(throwing: CancellationError())
        }
    }

    func markRootFinished() {
        state.withLock { $0.rootFinished = true }
    }

    /// Runs jobs and fires timers until the root task finishes or nothing is left to do.
    ///
    /// - Returns: the number of jobs run.
    func drive() -> Int {
        let executor = asUnownedTaskExecutor()
        var batch: [UnownedJob] = []
        batch.reserveCapacity(64)
        var jobsRun = 0
        while true {
            let next: TimerQueue.Continuation? = state.withLock { state in
                if !state.jobs.isEmpty {
                    swap(&state.jobs, &batch)
                    return nil
                }
                if state.rootFinished { return nil }
                guard let (deadline, continuation) = state.timers.popEarliest() else { return nil }
                state.now = deadline
                driverNow = deadline
                return continuation
            }
            if let next {
                next.resume()
                continue
            }
            guard !batch.isEmpty else { return jobsRun }
            for job in batch {
                job.runSynchronously(on: executor)
            }
            jobsRun += batch.count
            batch.removeAll(keepingCapacity: true)
        }
    }

    /// What the driver saw when it stopped.
    var outcome: (now: Duration, rootFinished: Bool, escapes: Int, firstEscape: String?) {
        state.withLock { ($0.now, $0.rootFinished, $0.escapes, $0.firstEscape) }
    }
}

extension VirtualScheduler.State {
    fileprivate mutating func noteEscape(_ what: String) {
        escapes += 1
        if firstEscape == nil { firstEscape = what }
    }
}
