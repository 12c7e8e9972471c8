import Synchronization

/// A tiny lock for test helpers that may be touched from several threads.
final class NSLockLike: Sendable {
    private let mutex = Mutex(())

    func run<T>(_ body: () -> T) -> T {
        mutex.withLock { _ in body() }
    }
}

