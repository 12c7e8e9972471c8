import Synchronization

/// A counting semaphore for async code: waiters are served first come, first served, and a
/// waiter that is cancelled leaves the queue without taking a permit.
///
/// It knows no clock, so it behaves the same on virtual and real time. Prefer
/// ``withPermit(_:)``, which gives the permit back on every path.
public final class AsyncSemaphore: Sendable {
    private struct State {
        var permits: Int
        var queue: [Waiter] = []
        var head = 0

        var hasWaiters: Bool { head < queue.count }

        mutating func popWaiter() -> Waiter? {
            guard head < queue.count else { return nil }
            let waiter = queue[head]
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            return waiter
        }

        mutating func remove(_ waiter: Waiter) {
            guard let index = queue[head...].firstIndex(where: { $0 === waiter }) else { return }
            queue.remove(at: index)
        }
    }

    private let state: Mutex<State>

    /// Creates a semaphore holding `permits` permits (at least one).
    public init(permits: Int) {
        precondition(permits >= 1, "a semaphore needs at least one permit")
        state = Mutex(State(permits: permits))
    }

    /// Permits not held right now.
    public var availablePermits: Int {
        state.withLock { $0.permits }
    }

    /// Tasks waiting for a permit right now.
    public var waiterCount: Int {
        state.withLock { $0.queue.count - $0.head }
    }

    /// Takes a permit, waiting in line for one if none is free.
    ///
    /// - Throws: `CancellationError` if the task is cancelled while in line (no permit is taken).
    public func wait() async throws {
        let granted = state.withLock { state in
            guard state.permits > 0, !state.hasWaiters else { return false }
            state.permits -= 1
            return true
        }
        if granted { return }

        let waiter = Waiter()
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: Waiter.Continuation) in
                let verdict: Waiter.Verdict = state.withLock { state in
                    if case .cancelled = waiter.phase { return .cancelled }
                    if state.permits > 0, !state.hasWaiters {
                        state.permits -= 1
                        waiter.phase = .granted
                        return .granted
                    }
                    waiter.phase = .waiting(continuation)
                    state.queue.append(waiter)
                    return .parked
                }
                switch verdict {
                case .granted: continuation.resume()
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .parked: break
                }
            }
        } onCancel: {
            let parked: Waiter.Continuation? = state.withLock { state in
                switch waiter.phase {
                case .waiting(let continuation):
                    state.remove(waiter)
                    waiter.phase = .cancelled
                    return continuation
                case .pending:
                    waiter.phase = .cancelled
                    return nil
                case .granted, .cancelled:
                    return nil
                }
            }
            parked?.resume(throwing: CancellationError())
        }
    }

    /// Returns a permit, handing it straight to the longest waiter if there is one.
    public func signal() {
        let next: Waiter.Continuation? = state.withLock { state in
            while let waiter = state.popWaiter() {
                if case .waiting(let continuation) = waiter.phase {
                    waiter.phase = .granted
                    return continuation
                }
            }
            state.permits += 1
            return nil
        }
        next?.resume()
    }

    /// Runs `body` holding one permit and gives it back however `body` ends. Inlinable so that
    /// other modules' calls (one per ReccoBeats request) are specialized, not generic at run time.
    @inlinable
    public func withPermit<Value>(
        _ body: () async throws -> Value
    ) async throws -> Value {
        try await wait()
        defer { signal() }
        return try await body()
    }
}

/// One task in line for a permit.
///
/// `@unchecked Sendable`: `phase` is read and written only under the owning semaphore's mutex.
private final class Waiter: @unchecked Sendable {
    typealias Continuation = UnsafeContinuation<Void, any Error>

    enum Phase {
        case pending
        case waiting(Continuation)
        case granted
        case cancelled
    }

    enum Verdict {
        case granted
        case cancelled
        case parked
    }

    var phase: Phase = .pending
}
