import Synchronization

/// Serializes work per key: two bodies with the same key never overlap, bodies with different
/// keys run freely. Callers with the same key are served in arrival order.
///
/// Idle keys hold no memory. The lock never iterates its keys, so hash order cannot reach a
/// schedule.
public final class KeyedSerialLock<Key: Hashable & Sendable>: Sendable {
    private struct Entry {
        var semaphore: AsyncSemaphore
        var users: Int
    }

    private let entries = Mutex<[Key: Entry]>([:])

    /// Creates a lock with no keys held.
    public init() {}

    /// Keys held or waited for right now.
    public var activeKeyCount: Int {
        entries.withLock { $0.count }
    }

    /// Runs `body` once no other body holding `key` is running.
    ///
    /// - Throws: `CancellationError` if cancelled while waiting; whatever `body` throws.
    public func withLock<Value>(
        _ key: Key,
        _ body: () async throws -> Value
    ) async throws -> Value {
        let semaphore = entries.withLock { entries in
            if var entry = entries[key] {
                entry.users += 1
                entries[key] = entry
                return entry.semaphore
            }
            let semaphore = AsyncSemaphore(permits: 1)
            entries[key] = Entry(semaphore: semaphore, users: 1)
            return semaphore
        }
        defer {
            entries.withLock { entries in
                guard var entry = entries[key] else { return }
                entry.users -= 1
                entries[key] = entry.users == 0 ? nil : entry
            }
        }
        return try await semaphore.withPermit(body)
    }
}
