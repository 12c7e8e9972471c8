import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files of writes in progress (a recording's `.NAME.tmp-XXXXXX`, a report's
/// `.NAME.PID.tmp`), so an interrupted command can remove them: `perfbench` calls ``removeAll()``
/// on SIGINT and SIGTERM before it exits, and a finished or failed write unregisters its own.
public enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])

    /// Notes that `path` is a temporary file being written.
    public static func register(_ path: String) {
        paths.withLock { _ = $0.insert(path) }
    }

    /// `path` was moved into place or removed: nothing to clean up any more.
    public static func unregister(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    /// The temporary files being written right now, sorted.
    public static var pending: [String] { paths.withLock { $0.sorted() } }

    /// Removes every registered temporary file (for an interrupted process about to exit).
    public static func removeAll() {
        let all = paths.withLock { set in
            defer { set.removeAll() }
            return set
        }
        for path in all { _ = unlink(path) }
    }
}
