import Synchronization

/// The plan's circuit breaker for ReccoBeats (plan 5.3): after N consecutive failures it opens
/// and refuses calls for a cooldown, then lets calls through again (half-open); one more failure
/// opens it again.
public final class CircuitBreaker: Sendable {
    private struct State {
        var consecutiveFailures = 0
        var openUntil: Duration?
    }

    public let policy: CircuitBreakerPolicy
    private let state = Mutex(State())

    public init(policy: CircuitBreakerPolicy) {
        self.policy = policy
    }

    /// Whether a call may go out at `now`.
    public func allows(at now: Duration) -> Bool {
        state.withLock { state in
            guard let until = state.openUntil else { return true }
            return now >= until
        }
    }

    /// Records a call's outcome at `now`.
    public func record(success: Bool, at now: Duration) {
        state.withLock { state in
            if success {
                state.consecutiveFailures = 0
                state.openUntil = nil
                return
            }
            state.consecutiveFailures += 1
            if state.consecutiveFailures >= policy.failureThreshold {
                state.openUntil = now + policy.cooldown
                state.consecutiveFailures = 0
            }
        }
    }
}
