import Synchronization

/// Lets identical concurrent requests share one upstream call: the first caller performs it,
/// later callers with the same key wait for its result.
public final class InFlightDedup<Value: Sendable>: Sendable {
    private enum Turn: Sendable {
        case lead
        case shared(Value)
    }

    private typealias Waiter = CheckedContinuation<Turn, Never>
    private let waiting = Mutex<[String: [Waiter]]>([:])

    public init() {}

    /// Runs `body` for the first caller of `key`; concurrent callers of the same key get its
    /// result without running `body`. Returns the value and whether this caller shared it.
    public func run(
        _ key: String, _ body: () async -> Value
    ) async -> (value: Value, shared: Bool) {
        let leadsAtOnce = waiting.withLock { waiting -> Bool in
            // One hash of the key when no one else is calling it (nearly always): claimed by
            // inserting, and the followers put back when someone was.
            guard let followers = waiting.updateValue([], forKey: key) else { return true }
            waiting[key] = followers
            return false
        }
        let turn: Turn = leadsAtOnce ? .lead : await withCheckedContinuation { (continuation: Waiter) in
            // Check and join under one lock, so a leader finishing on another thread cannot
            // slip between them.
            let lead = waiting.withLock { waiting -> Bool in
                if waiting[key] == nil {
                    waiting[key] = []
                    return true
                }
                waiting[key]?.append(continuation)
                return false
            }
            if lead { continuation.resume(returning: .lead) }
        }
        if case .shared(let value) = turn { return (value, true) }
        let value = await body()
        let followers = waiting.withLock { $0.removeValue(forKey: key) ?? [] }
        for follower in followers { follower.resume(returning: .shared(value)) }
        return (value, false)
    }
}
