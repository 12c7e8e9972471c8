/// The error thrown when an operation outlives its deadline.
public struct TimeoutError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The limit that was exceeded.
    public var limit: Duration

    public init(limit: Duration) {
        self.limit = limit
    }

    public var description: String {
        "operation timed out after \(limit.seconds.formatted(decimals: 3)) s"
    }
}

/// Runs `operation` against a deadline `limit` from now on `clock`; whichever finishes first
/// wins and the other is cancelled.
///
/// Ties go to the operation (it was started first). Works on any clock, virtual or real.
///
/// - Throws: ``TimeoutError`` when the deadline wins; otherwise whatever `operation` throws.
public func withTimeout<C: Clock, Value: Sendable>(
    _ limit: Duration,
    on clock: C,
    operation: @escaping @Sendable () async throws -> Value
) async throws -> Value where C.Duration == Duration {
    try await withThrowingTaskGroup(of: TimeoutRace<Value>.self) { group in
        group.addTask { .finished(try await operation()) }
        group.addTask {
            try await clock.sleep(for: limit)
            return .deadline
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else {
            preconditionFailure("a group with two children yields a first result")
        }
        switch first {
        case .finished(let value):
            return value
        case .deadline:
            throw TimeoutError(limit: limit)
        }
    }
}

private enum TimeoutRace<Value: Sendable>: Sendable {
    case finished(Value)
    case deadline
}
