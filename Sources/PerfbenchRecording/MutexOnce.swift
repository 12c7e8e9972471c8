import Synchronization

extension Mutex {
    /// The value this slot holds, made by `make` and kept on the first call: a model built
    /// when a replay first needs it and then shared by every replay of the index, on any thread.
    /// Inlinable so that other modules' calls are specialized, not generic at run time.
    @inlinable
    public func once<Wrapped: Sendable>(_ make: () -> Wrapped) -> Wrapped where Value == Wrapped? {
        withLock { slot in
            if let built = slot { return built }
            let built = make()
            slot = built
            return built
        }
    }
}
