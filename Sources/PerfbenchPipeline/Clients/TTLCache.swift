import Synchronization

/// The backend's in-memory cache: entries expire after their TTL on the injected clock, and the
/// least recently used entry goes when the cache is full (5,000 entries).
///
/// Shared by every workflow of a session: cache keys hold no user token, so a second workflow
/// finds what the first one fetched.
public final class TTLCache<Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var expiry: Duration
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var tick: UInt64 = 0
    }

    public let capacity: Int
    private let state = Mutex(State())

    /// A cache of at most `capacity` entries, with room for `expected` of them made up front.
    ///
    /// `expected` only saves the table's regrowth: a replay stores 100–180 responses and as many
    /// registry ids (the 60 corpus recordings), and growing to that from empty (eight rehashes)
    /// was ≈ 1.5 % of a search (`perf record` of `optimize`).
    public init(capacity: Int = 5_000, expected: Int = 0) {
        self.capacity = capacity
        state.withLock { $0.entries.reserveCapacity(min(max(0, expected), capacity)) }
    }

    /// The live value for `key` at `now`, refreshing its recency.
    public func value(for key: String, at now: Duration) -> Value? {
        state.withLock { state in
            // One hash of the key: found by index, refreshed and read in place.
            guard let index = state.entries.index(forKey: key) else { return nil }
            guard state.entries.values[index].expiry > now else {
                state.entries.remove(at: index)
                return nil
            }
            state.tick += 1
            state.entries.values[index].lastUse = state.tick
            return state.entries.values[index].value
        }
    }

    /// Stores `value` under `key` until `now + ttl`.
    public func store(_ value: Value, for key: String, ttl: Duration, at now: Duration) {
        state.withLock { state in
            state.tick += 1
            state.entries[key] = Entry(value: value, expiry: now + ttl, lastUse: state.tick)
            if state.entries.count > capacity {
                // Recency ticks are unique, so the victim does not depend on hash order.
                if let victim = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
                    state.entries[victim] = nil
                }
            }
        }
    }

    /// Entries held (expired ones included until touched).
    public var count: Int { state.withLock { $0.entries.count } }
}
